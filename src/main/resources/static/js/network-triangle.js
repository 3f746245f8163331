// Vangnet, network module: place the client in the triangle of the integration safety net
// by pointing (drag or click); the three number fields (the way without a pointer) follow.
// A point beyond an edge ticks "out of view".
(function () {
  'use strict';

  var G = [200, 30];
  var H = [25, 330];
  var S = [375, 330];

  function weights(x, y) {
    var det = (H[1] - S[1]) * (G[0] - S[0]) + (S[0] - H[0]) * (G[1] - S[1]);
    var g = ((H[1] - S[1]) * (x - S[0]) + (S[0] - H[0]) * (y - S[1])) / det;
    var h = ((S[1] - G[1]) * (x - S[0]) + (G[0] - S[0]) * (y - S[1])) / det;
    return [g, h, 1 - g - h];
  }

  document.addEventListener('DOMContentLoaded', function () {
    var svg = document.getElementById('triangle-svg');
    var form = document.getElementById('triangle-form');
    if (!svg || !form) {
      return;
    }
    var marker = document.getElementById('triangle-marker');
    var fields = ['triangle-government', 'triangle-services', 'triangle-society'].map(function (id) {
      return document.getElementById(id);
    });
    var outOfView = document.getElementById('triangle-outOfView');
    var dragging = false;

    function place(event) {
      var point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var local = point.matrixTransform(svg.getScreenCTM().inverse());
      marker.setAttribute('cx', local.x);
      marker.setAttribute('cy', local.y);
      var w = weights(local.x, local.y);
      var outside = w.some(function (v) { return v < -0.02; });
      outOfView.checked = outside;
      if (!outside) {
        var rounded = w.map(function (v) { return Math.max(0, Math.round(v * 100)); });
        var sum = rounded[0] + rounded[1] + rounded[2];
        rounded[rounded.indexOf(Math.max.apply(null, rounded))] += 100 - sum;
        fields.forEach(function (field, i) { field.value = rounded[i]; });
      }
    }

    svg.addEventListener('pointerdown', function (event) {
      dragging = true;
      svg.setPointerCapture(event.pointerId);
      place(event);
    });
    svg.addEventListener('pointermove', function (event) {
      if (dragging) {
        place(event);
      }
    });
    svg.addEventListener('pointerup', function () {
      dragging = false;
    });
  });
})();
