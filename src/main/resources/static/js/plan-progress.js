// Vangnet: the progress charts of a household (plan module). Data comes from the
// data-progress attribute; n.v.t. and missing scores are null: no point, a gap, never zero
// (the star is not filled, so a gap never looks like a line to the centre).
(function () {
  'use strict';

  function draw() {
    var holder = document.getElementById('progress-charts');
    if (!holder || typeof window.Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(holder.getAttribute('data-progress'));
    var scale = { min: 0, max: 5, ticks: { stepSize: 1 } };
    new window.Chart(document.getElementById('progress-radar'), {
      type: 'radar',
      data: {
        labels: data.domains,
        datasets: [
          { label: holder.getAttribute('data-first-label') + ' (' + data.firstDate + ')', data: data.first,
            borderColor: '#8a94a3', backgroundColor: 'rgba(138,148,163,0.15)', borderDash: [6, 4], spanGaps: false, fill: false },
          { label: holder.getAttribute('data-latest-label') + ' (' + data.latestDate + ')', data: data.latest,
            borderColor: '#0b5c6b', backgroundColor: 'rgba(11,92,107,0.2)', spanGaps: false, fill: false }
        ]
      },
      options: { animation: false, scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } } }
    });
    var colours = ['#0b5c6b', '#b3261e', '#1e6b35', '#8a5a00', '#5b3f8c', '#4a5566', '#c2185b', '#00838f'];
    new window.Chart(document.getElementById('progress-timeline'), {
      type: 'line',
      data: {
        labels: data.dates,
        datasets: data.domains.map(function (label, i) {
          var colour = colours[i % colours.length];
          return { label: label, data: data.series[i], borderColor: colour, backgroundColor: colour, spanGaps: false };
        })
      },
      options: { animation: false, scales: { y: scale } }
    });
    holder.setAttribute('data-drawn', 'true');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
