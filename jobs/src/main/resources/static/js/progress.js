// Live progress of a running execution: polls /executions/{id}/progress and updates the panel; when the
// execution ends, reloads the page so the steps table shows the final counts.
(function () {
  var panel = document.getElementById('progress');
  if (!panel || panel.dataset.running !== 'true') {
    return;
  }
  var url = panel.dataset.url;
  function text(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = value; }
  }
  function tick() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (p) {
        text('p-step', p.step || '');
        text('p-done', p.itemsDone.toLocaleString());
        text('p-skipped', p.skipped.toLocaleString());
        text('p-rate', p.itemsPerSecond.toLocaleString() + ' items/s');
        text('p-expected', p.expectedItems == null ? 'unknown' : p.expectedItems.toLocaleString());
        text('p-eta', p.etaSeconds == null ? 'unknown' : p.etaSeconds + ' s');
        if (p.expectedItems) {
          var pct = Math.min(100, Math.round(100 * (p.itemsDone + p.skipped) / p.expectedItems));
          document.getElementById('p-bar').style.width = pct + '%';
        }
        if (['STARTING', 'STARTED', 'STOPPING'].indexOf(p.status) < 0) {
          window.location.reload();
        } else {
          setTimeout(tick, 2000);
        }
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
