// The live room: the item's timer counts down its time box (red when over), the questions pause counts down,
// everyone picks cards with 1-9 and 0, and the facilitator runs the meeting from the keyboard (? lists the keys).
// A refetch of the room keeps what a person was typing; the rest of the agenda is ordered by drag.
(function () {
    function pad(n) { return (n < 10 ? '0' : '') + n; }
    function tick() {
        var timer = document.getElementById('timer');
        if (timer) {
            var left = Math.round(Number(timer.dataset.box) - (Date.now() - Number(timer.dataset.started)) / 1000);
            var over = left < 0;
            var seconds = Math.abs(left);
            timer.textContent = (over ? '+' : '') + Math.floor(seconds / 60) + ':' + pad(seconds % 60);
            timer.classList.toggle('over', over);
        }
        var pause = document.getElementById('pause');
        if (pause) {
            var rest = Math.round(Number(pause.dataset.seconds) - (Date.now() - Number(pause.dataset.since)) / 1000);
            pause.textContent = rest > 0 ? 'Silence: ' + rest + ' s to re-read the task before anyone speaks.' : 'Questions are open.';
        }
    }
    // A refetch of the room, its questions or one's hand (somebody changed it) keeps what this person was typing or
    // choosing, as long as the same item is on screen: fields are matched by id. One's own submits are not refetches.
    var kept = null;
    document.addEventListener('htmx:beforeSwap', function (event) {
        var target = event.detail.target;
        kept = null;
        if (!target || ['room', 'hand', 'questions'].indexOf(target.id) < 0 || event.detail.requestConfig.verb !== 'get') {
            return;
        }
        var title = document.getElementById('current-title');
        var focused = document.activeElement && document.activeElement.id;
        kept = { title: title && title.textContent, values: {}, focused: focused };
        target.querySelectorAll('input[id]:not([type=hidden]), textarea[id], select[id]').forEach(function (field) {
            var changed = field.tagName === 'SELECT' ? !field.options[field.selectedIndex].defaultSelected
                : field.value !== field.defaultValue;
            if (changed) {
                kept.values[field.id] = field.value;
            }
        });
    });
    document.addEventListener('htmx:afterSwap', function () {
        var title = document.getElementById('current-title');
        if (kept && title && title.textContent === kept.title) {
            Object.keys(kept.values).forEach(function (id) {
                var field = document.getElementById(id);
                if (field) {
                    field.value = kept.values[id];
                }
            });
            // whoever was typing goes on typing: the field they were in has the focus again
            var focused = kept.focused && document.getElementById(kept.focused);
            if (focused && focused.focus && /INPUT|TEXTAREA|SELECT/.test(focused.tagName)) {
                focused.focus();
            }
        }
        kept = null;
    });
    function sortable() {
        var list = document.getElementById('agenda-live');
        var room = document.getElementById('room');
        if (!list || !window.Sortable || !room || room.dataset.facilitates !== 'true' || list.dataset.sortable) {
            return;
        }
        list.dataset.sortable = 'true';
        Sortable.create(list, {
            draggable: '.movable', handle: '.drag', animation: 150,
            onEnd: function () { htmx.trigger(document.getElementById('agenda-order'), 'reorder'); }
        });
    }
    // The keyboard's way to order the rest of the agenda: arrow up or down on an item's handle moves it by one place
    // among the items not taken up yet; the handle keeps the focus once the room comes back.
    var moved = null;
    document.addEventListener('keydown', function (event) {
        var handle = event.target;
        if (!handle.classList || !handle.classList.contains('drag') || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) {
            return;
        }
        var id = handle.id;
        var up = event.key === 'ArrowUp';
        event.preventDefault();
        // on the room as it is once htmx has wired what it swapped in: a form not yet wired would post nothing
        window.Refinery.whenSettled(function () {
            var current = document.getElementById(id);
            var line = current && current.closest('.movable');
            var other = line && (up ? line.previousElementSibling : line.nextElementSibling);
            if (!other || !other.classList.contains('movable')) {
                return;
            }
            line.parentNode.insertBefore(line, up ? other : other.nextElementSibling);
            current.focus();
            moved = id;
            htmx.trigger(document.getElementById('agenda-order'), 'reorder');
        });
    });
    document.addEventListener('htmx:afterSettle', function () {
        var handle = moved && document.getElementById(moved);
        if (handle) {
            handle.focus();
            moved = null;
        }
    });
    setInterval(tick, 1000);
    document.addEventListener('DOMContentLoaded', function () { tick(); sortable(); });
    document.addEventListener('htmx:afterSettle', function () { tick(); sortable(); });
    function click(id) {
        window.Refinery.whenSettled(function () {
            var element = document.getElementById(id);
            if (element) {
                element.click();
            }
        });
    }
    var facilitatorKeys = { n: 'next', p: 'previous', w: 'phase-walk-through', q: 'phase-questions', e: 'phase-estimate',
        o: 'phase-outcome', r: 'reveal', a: 'agree-suggested', v: 'revote' };
    document.addEventListener('keydown', function (event) {
        var room = document.getElementById('room');
        var keys = document.getElementById('keys');
        if (!room || !document.getElementById('room-live') || window.Refinery.typing(event)) {
            return;
        }
        if (event.key === '?') {
            if (keys.open) {
                keys.close();
            } else {
                keys.showModal();
            }
            event.preventDefault();
            return;
        }
        if (keys && keys.open) {
            return;
        }
        if (window.Refinery.pickCard(event.key)) {
            return;
        }
        if (room.dataset.facilitates !== 'true') {
            return;
        }
        if (facilitatorKeys[event.key]) {
            click(facilitatorKeys[event.key]);
        } else if (event.key === 'd' && document.getElementById('outcome-select')) {
            document.getElementById('outcome-select').focus();
            event.preventDefault();
        } else if (event.key === 't' && document.getElementById('timer')) {
            document.getElementById('timer').classList.toggle('large');
        }
    });
    document.addEventListener('click', function (event) {
        if (event.target && event.target.id === 'keys-button') {
            document.getElementById('keys').showModal();
        }
    });
})();
