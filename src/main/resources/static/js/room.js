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
