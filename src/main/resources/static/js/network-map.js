// Vangnet, network module: draws the map with Cytoscape.js from the contacts table (the
// table is the accessible editor; the drawing follows it). Dragging a contact to another
// circle saves its closeness through the API, with the CSRF token like app.js does.
(function () {
  'use strict';

  var COLOURS = {
    FAMILY: '#1f77b4', PARTNER: '#9467bd', EX_PARTNER: '#8c564b', FRIEND: '#2ca02c', NEIGHBOUR: '#17becf',
    FELLOW_RESIDENT: '#bcbd22', VOLUNTEER_BUDDY: '#ff7f0e', PROFESSIONAL: '#7f7f7f', ORGANISATION: '#393b79',
    OTHER: '#aaaaaa'
  };
  var DANGER = '#c00000';
  var ORDER = ['INNER', 'MIDDLE', 'OUTER'];

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function draw(container) {
    var size = Math.min(container.clientWidth, container.clientHeight);
    var ring = { INNER: size * 0.17, MIDDLE: size * 0.32, OUTER: size * 0.47 };
    var orbit = { INNER: size * 0.125, MIDDLE: size * 0.245, OUTER: size * 0.395 };
    var centreX = container.clientWidth / 2;
    var centreY = container.clientHeight / 2;
    var rows = Array.prototype.slice.call(document.querySelectorAll('#contacts tbody tr[data-contact-id]'));
    var elements = [];
    ['OUTER', 'MIDDLE', 'INNER'].forEach(function (closeness) {
      elements.push({ group: 'nodes', data: { id: 'ring-' + closeness, label: container.dataset[closeness.toLowerCase()] },
        classes: 'ring', position: { x: centreX, y: centreY }, grabbable: false, selectable: false, locked: true,
        style: { width: ring[closeness] * 2, height: ring[closeness] * 2 } });
    });
    elements.push({ group: 'nodes', data: { id: 'client', label: container.dataset.client }, classes: 'client',
      position: { x: centreX, y: centreY }, grabbable: false, locked: true });
    ORDER.forEach(function (closeness, level) {
      var inRing = rows.filter(function (row) { return row.dataset.closeness === closeness; });
      inRing.forEach(function (row, i) {
        var angle = -Math.PI / 2 + (2 * Math.PI * (i + 0.5)) / inRing.length + level * 0.35;
        var danger = row.dataset.danger === 'true';
        var label = danger ? '\u26A0 ' + row.dataset.name + ' (' + container.dataset.dangerLabel.toUpperCase() + ')'
          : row.dataset.name;
        elements.push({ group: 'nodes', classes: danger ? 'contact danger' : 'contact',
          data: { id: row.dataset.contactId, label: label, colour: danger ? DANGER : COLOURS[row.dataset.relation],
            closeness: closeness, angle: angle },
          position: { x: centreX + orbit[closeness] * Math.cos(angle), y: centreY + orbit[closeness] * Math.sin(angle) } });
        elements.push({ group: 'edges', classes: (row.dataset.tie === 'WEAK' ? 'weak' : 'strong') + (danger ? ' danger' : ''),
          data: { id: 'tie-' + row.dataset.contactId, source: 'client', target: row.dataset.contactId,
            colour: danger ? DANGER : COLOURS[row.dataset.relation] } });
      });
    });
    var cy = window.cytoscape({
      container: container, elements: elements, layout: { name: 'preset' },
      userZoomingEnabled: false, userPanningEnabled: false, boxSelectionEnabled: false, autoungrabify: false,
      style: [
        { selector: 'node.ring', style: { 'background-opacity': 0, 'border-width': 1.5, 'border-color': '#b0b0b0',
          'label': 'data(label)', 'text-valign': 'top', 'text-margin-y': 20, 'color': '#2b3440', 'font-size': 14,
          'font-weight': 600, 'text-background-color': '#fff', 'text-background-opacity': 0.9,
          'text-background-padding': 2, 'events': 'no', 'z-index': 0 } },
        { selector: 'node.client', style: { 'background-color': '#fff', 'border-width': 3, 'border-color': '#222',
          'label': 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 6, 'font-weight': 'bold', 'width': 40,
          'height': 40, 'z-index': 10 } },
        { selector: 'node.contact', style: { 'background-color': 'data(colour)', 'border-width': 2, 'border-color': '#fff',
          'label': 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 13, 'width': 28,
          'height': 28, 'z-index': 10, 'text-wrap': 'wrap', 'text-max-width': 140, 'color': '#1d2430',
          'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
        { selector: 'node.danger', style: { 'shape': 'diamond', 'border-color': '#000', 'border-width': 3, 'color': DANGER,
          'font-weight': 'bold', 'width': 34, 'height': 34 } },
        { selector: 'node.contact:selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.5,
          'overlay-padding': 6 } },
        { selector: 'edge', style: { 'line-color': 'data(colour)', 'width': 3, 'curve-style': 'straight', 'z-index': 5 } },
        { selector: 'edge.weak', style: { 'line-style': 'dashed', 'width': 1.5 } }
      ]
    });

    spread(cy, orbit, centreX, centreY);

    function save(node, closeness) {
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      var token = cookie('XSRF-TOKEN');
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
      fetch(container.dataset.moveUrl + node.id() + '/closeness', {
        method: 'PUT', headers: headers, credentials: 'same-origin',
        body: JSON.stringify({ version: Number(container.dataset.version), closeness: closeness })
      }).then(function (response) {
        if (!response.ok) {
          window.alert(container.dataset.failed);
        }
        window.location.reload();
      });
    }

    cy.on('dragfree', 'node.contact', function (event) {
      var node = event.target;
      var p = node.position();
      var distance = Math.sqrt(Math.pow(p.x - centreX, 2) + Math.pow(p.y - centreY, 2));
      var closeness = distance <= ring.INNER ? 'INNER' : (distance <= ring.MIDDLE ? 'MIDDLE' : 'OUTER');
      if (closeness !== node.data('closeness')) {
        save(node, closeness);
      }
    });

    // The keyboard: left and right choose a contact, up moves it closer, down further away.
    var chosen = -1;
    var status = document.getElementById('map-status');
    container.addEventListener('keydown', function (event) {
      var contacts = cy.nodes('.contact');
      if (contacts.length === 0) {
        return;
      }
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        chosen = (chosen + (event.key === 'ArrowRight' ? 1 : contacts.length - 1)) % contacts.length;
        if (chosen < 0) {
          chosen = 0;
        }
        cy.nodes().unselect();
        contacts[chosen].select();
        var row = rows.filter(function (r) { return r.dataset.contactId === contacts[chosen].id(); })[0];
        if (status && row) {
          status.textContent = contacts[chosen].data('label') + ', ' + row.dataset.closenessLabel;
        }
        event.preventDefault();
      }
      else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && chosen >= 0) {
        var node = contacts[chosen];
        var index = ORDER.indexOf(node.data('closeness')) + (event.key === 'ArrowUp' ? -1 : 1);
        if (index >= 0 && index < ORDER.length) {
          save(node, ORDER[index]);
        }
        event.preventDefault();
      }
    });
    container.cy = cy;
    window.vangnetNetworkMap = cy;
    var png = document.getElementById('map-png');
    if (png) {
      png.addEventListener('click', function () {
        var blob = cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 });
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = container.dataset.file;
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    }
  }

  // No label over another: a contact whose name would cover a circle's label, the client's
  // or another contact's, moves along its own circle until it covers none.
  function box(node) {
    return node.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false });
  }

  function labelBox(node) {
    return node.boundingBox({ includeNodes: false, includeLabels: true, includeEdges: false, includeOverlays: false });
  }

  function overlap(a, b) {
    return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  }

  function spread(cy, orbit, centreX, centreY) {
    var taken = cy.nodes('.ring').map(labelBox).concat([box(cy.$id('client'))]);
    cy.nodes('.contact').forEach(function (node) {
      var angle = node.data('angle');
      var radius = orbit[node.data('closeness')];
      for (var step = 0; step < 36 && taken.some(function (b) { return overlap(box(node), b); }); step++) {
        angle += Math.PI / 18;
        node.position({ x: centreX + radius * Math.cos(angle), y: centreY + radius * Math.sin(angle) });
      }
      taken.push(box(node));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var container = document.getElementById('network-map');
    if (container && window.cytoscape) {
      draw(container);
    }
  });
})();
