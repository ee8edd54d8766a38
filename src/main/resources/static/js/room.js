// The live room: the item's timer counts down its time box (red when over), the questions pause counts down,
// and the facilitator's keys move the meeting: n next, p previous, t the timer in large.
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
    // A refetch of the room (somebody changed it) keeps what this person was typing or choosing, as long as
    // the same item is on screen: fields are matched by id. The person's own submits are not refetches.
    var kept = null;
    document.addEventListener('htmx:beforeSwap', function (event) {
        var room = document.getElementById('room');
        kept = null;
        if (!room || event.detail.target !== room || event.detail.requestConfig.verb !== 'get') {
            return;
        }
        var title = document.getElementById('current-title');
        kept = { title: title && title.textContent, values: {} };
        room.querySelectorAll('input[id]:not([type=hidden]), textarea[id], select[id]').forEach(function (field) {
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
        }
        kept = null;
    });
    setInterval(tick, 1000);
    document.addEventListener('DOMContentLoaded', tick);
    document.addEventListener('htmx:afterSettle', tick);
    document.addEventListener('keydown', function (event) {
        var room = document.getElementById('room');
        var typing = /INPUT|TEXTAREA|SELECT/.test(document.activeElement && document.activeElement.tagName);
        if (!room || room.dataset.facilitates !== 'true' || typing || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        if (event.key === 'n' && document.getElementById('next')) {
            document.getElementById('next').click();
        } else if (event.key === 'p' && document.getElementById('previous')) {
            document.getElementById('previous').click();
        } else if (event.key === 't' && document.getElementById('timer')) {
            document.getElementById('timer').classList.toggle('large');
        }
    });
})();
