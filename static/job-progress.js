// Polls an import job's status and updates the progress bar and the live status text.
(function () {
  var box = document.querySelector('[data-job]');
  if (!box) return;
  var id = box.getAttribute('data-job');
  var bar = document.getElementById('job-progress');
  var text = document.getElementById('job-text');
  var alert = box.querySelector('[data-status]');
  function tick() {
    fetch('/registerdata/job/' + id + '.json', { headers: { accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        bar.value = j.percent;
        bar.textContent = j.percent + ' %';
        if (text.textContent !== j.text) text.textContent = j.text;
        alert.setAttribute('data-status', j.status);
        alert.className = 'alert ' + (j.status === 'fejl' ? 'alert-error' : j.status === 'faerdig' ? 'alert-success' : 'alert-info');
        // Unknown codes: the page itself shows the form to map them.
        if (j.codes) { window.location.replace('/registerdata/job/' + id); return; }
        if (j.status === 'koerer') setTimeout(tick, 400);
      })
      .catch(function () { setTimeout(tick, 2000); });
  }
  if (alert.getAttribute('data-status') === 'koerer') setTimeout(tick, 300);
})();
