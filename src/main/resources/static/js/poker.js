// Poker keys: 1 to 9 and 0 pick the first ten cards of the hand, ? picks "?", r reveals (facilitator).
(function () {
    document.addEventListener('keydown', function (event) {
        var typing = /INPUT|TEXTAREA|SELECT/.test(document.activeElement && document.activeElement.tagName);
        if (typing || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        var cards = document.querySelectorAll('#hand button.poker-card');
        if (/^[0-9]$/.test(event.key) && cards.length) {
            var index = event.key === '0' ? 9 : Number(event.key) - 1;
            if (cards[index]) {
                cards[index].click();
            }
        } else if (event.key === '?') {
            Array.prototype.forEach.call(cards, function (card) {
                if (card.textContent.trim() === '?') {
                    card.click();
                }
            });
        } else if (event.key === 'r') {
            var reveal = document.querySelector('#hand form[action$="/reveal"] button');
            if (reveal) {
                reveal.click();
            }
        }
    });
})();
