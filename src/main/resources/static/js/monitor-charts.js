// Draws the monitor's charts from the data attributes of their canvases; the tables next to
// them hold the same figures for keyboard and screen-reader users.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('canvas.monitor-chart').forEach(function (canvas) {
    var labels = (canvas.dataset.labels || '').split('|');
    var values = (canvas.dataset.values || '').split('|').map(function (v) {
      return v === '' ? null : Number(v);
    });
    new Chart(canvas, {
      type: canvas.dataset.chart || 'bar',
      data: { labels: labels, datasets: [{ label: canvas.dataset.series || '', data: values, backgroundColor: '#2f6f73' }] },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } }
    });
  });
});
