// Poker keys: 1 to 9 and 0 pick the first ten cards of the hand, ? picks "?", r reveals (facilitator).
// The live room uses pickCard too, with keys of its own for the rest.
(function () {
    window.Refinery = window.Refinery || {};
    /** Clicks the card a key names in this person's hand: 1 to 9 and 0 the first ten, "?" the card "?". */
    window.Refinery.pickCard = function (key) {
        var cards = document.querySelectorAll('#hand button.poker-card');
        if (/^[0-9]$/.test(key)) {
            var card = cards[key === '0' ? 9 : Number(key) - 1];
            if (card) {
                card.click();
            }
            return true;
        }
        if (key === '?') {
            Array.prototype.forEach.call(cards, function (card) {
                if (card.textContent.trim() === '?') {
                    card.click();
                }
            });
            return true;
        }
        return false;
    };
    window.Refinery.typing = function (event) {
        var active = document.activeElement;
        return /INPUT|TEXTAREA|SELECT/.test(active && active.tagName) || (active && active.isContentEditable)
            || event.ctrlKey || event.metaKey || event.altKey;
    };
    document.addEventListener('keydown', function (event) {
        if (!document.getElementById('poker-live') || window.Refinery.typing(event)) {
            return;
        }
        if (window.Refinery.pickCard(event.key)) {
            return;
        }
        if (event.key === 'r') {
            var reveal = document.getElementById('reveal');
            if (reveal) {
                reveal.click();
            }
        }
    });
})();
