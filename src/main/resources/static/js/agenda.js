// Drag the agenda's items to order them; "Save order and time boxes" sends the new order (each line carries
// its hidden "order" field). Without JavaScript the order is kept as it is and time boxes still save.
(function () {
    document.addEventListener('DOMContentLoaded', function () {
        var list = document.getElementById('agenda-list');
        if (list && window.Sortable && list.dataset.canEdit === 'true') {
            Sortable.create(list, { draggable: '.agenda-line', handle: '.drag', animation: 150 });
        }
    });
})();
