// Poker keys: 1 to 9 and 0 pick the first ten cards of the hand, ? picks "?", r reveals (facilitator).
// The live room uses pickCard too, with keys of its own for the rest.
(function () {
    window.Refinery = window.Refinery || {};
    /**
     * Runs a key's action once htmx has finished putting new content in place: a form swapped in a moment ago is
     * not wired to htmx yet, and a click on it would leave the page instead of posting in place.
     */
    window.Refinery.whenSettled = function (action, tries) {
        var busy = document.querySelector('.htmx-swapping, .htmx-settling, .htmx-added');
        if (busy && (tries || 0) < 40) {
            setTimeout(function () { window.Refinery.whenSettled(action, (tries || 0) + 1); }, 25);
            return;
        }
        action();
    };
    /** Clicks the card a key names in this person's hand: 1 to 9 and 0 the first ten, "?" the card "?". */
    window.Refinery.pickCard = function (key) {
        if (!/^[0-9?]$/.test(key)) {
            return false;
        }
        window.Refinery.whenSettled(function () {
            var cards = Array.prototype.slice.call(document.querySelectorAll('#hand button.poker-card'));
            var card = key === '?' ? cards.filter(function (c) { return c.textContent.trim() === '?'; })[0]
                : cards[key === '0' ? 9 : Number(key) - 1];
            if (card) {
                card.click();
            }
        });
        return true;
    };
    window.Refinery.typing = function (event) {
        var active = document.activeElement;
        return /INPUT|TEXTAREA|SELECT/.test(active && active.tagName) || (active && active.isContentEditable)
            || event.ctrlKey || event.metaKey || event.altKey;
    };
    // Requests from a live table or room run at once, none queued behind another (htmx drops a queued request whose
    // form a refetch replaced): a view older than the one on screen (the room, its questions, a hand), from a fetch
    // that one's own change overtook, is not swapped in. Each such view says when it was made.
    document.addEventListener('htmx:beforeSwap', function (event) {
        var target = event.detail.target;
        if (target && target.dataset && target.dataset.rendered) {
            var made = /data-rendered="(\d+)"/.exec(event.detail.serverResponse || '');
            if (made && Number(made[1]) < Number(target.dataset.rendered)) {
                event.detail.shouldSwap = false;
            }
        }
    });
    document.addEventListener('keydown', function (event) {
        if (!document.getElementById('poker-live') || window.Refinery.typing(event)) {
            return;
        }
        if (window.Refinery.pickCard(event.key)) {
            return;
        }
        if (event.key === 'r') {
            window.Refinery.whenSettled(function () {
                var reveal = document.getElementById('reveal');
                if (reveal) {
                    reveal.click();
                }
            });
        }
    });
})();
