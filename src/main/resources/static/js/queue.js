// Drag an item of the queue to pin it: right below the item now above it, or above the first item.
// Without JavaScript the Up and Down buttons of each line do the same.
(function () {
    function connect() {
        var list = document.getElementById('queue-list');
        if (!list || list.dataset.canPin !== 'true' || !window.Sortable || list.dataset.sortable) {
            return;
        }
        list.dataset.sortable = 'true';
        Sortable.create(list, {
            handle: '.drag',
            draggable: '.queue-entry',
            animation: 150,
            onEnd: function (event) {
                if (event.oldIndex === event.newIndex) {
                    return;
                }
                var moved = event.item;
                var before = moved.previousElementSibling;
                while (before && !before.dataset.key) {
                    before = before.previousElementSibling;
                }
                var after = moved.nextElementSibling;
                while (after && !after.dataset.key) {
                    after = after.nextElementSibling;
                }
                var values = { item: moved.dataset.key };
                if (before) {
                    values.anchor = before.dataset.key;
                    values.placement = 'below';
                } else if (after) {
                    values.anchor = after.dataset.key;
                    values.placement = 'above';
                } else {
                    return;
                }
                htmx.ajax('POST', list.dataset.pinUrl, { source: list, values: values, target: '#queue', swap: 'outerHTML' });
            }
        });
    }
    document.addEventListener('DOMContentLoaded', connect);
    document.addEventListener('htmx:afterSettle', connect);
})();
