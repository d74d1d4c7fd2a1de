/*
 * KPI dashboard charts: progressive enhancement of the tables the server renders.
 *
 * Every table with data-chart="bar" or data-chart="line" gets a chart (Chart.js, served from the bundle) drawn above
 * it from its own cells: the row headers are the labels, each value cell's data-value the value (a cell without one,
 * "no value", is a gap). The canvas is an image with an aria-label; screen reader and keyboard users read the table,
 * which stays as it is. Without this script, or without Chart.js, the page shows the tables only.
 *
 * No inline script or style attribute is needed: the Content-Security-Policy (default-src 'self') allows this file.
 */
(function () {
  'use strict';

  if (typeof window.Chart !== 'function' || !document.querySelectorAll) {
    return;
  }

  var BRAND = '#0b4a57';
  var GRID = '#d0d5d9';
  var TEXT = '#1b1b1b';
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var language = document.documentElement.getAttribute('lang') || 'nl';

  function read(table) {
    var labels = [];
    var values = [];
    var rows = table.querySelectorAll('tbody tr');
    for (var i = 0; i < rows.length; i++) {
      var header = rows[i].querySelector('th');
      var cell = rows[i].querySelector('td');
      if (!header || !cell) {
        continue;
      }
      labels.push(header.textContent.trim());
      var raw = cell.getAttribute('data-value');
      values.push(raw === null ? null : Number(raw));
    }
    return { labels: labels, values: values };
  }

  function draw(table) {
    var kind = table.getAttribute('data-chart');
    if (kind !== 'bar' && kind !== 'line') {
      return;
    }
    var data = read(table);
    if (data.labels.length === 0) {
      return;
    }
    var label = table.getAttribute('data-chart-label') || '';

    var figure = document.createElement('figure');
    figure.className = 'chart';
    var box = document.createElement('div');
    box.className = 'chart__canvas';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    canvas.textContent = label;
    box.appendChild(canvas);
    // the caption is for the eye; screen readers hear the same text once, as the canvas's label
    var caption = document.createElement('figcaption');
    caption.setAttribute('aria-hidden', 'true');
    caption.textContent = label;
    figure.appendChild(box);
    figure.appendChild(caption);

    var wrap = table.closest ? table.closest('.table-wrap') : null;
    var anchor = wrap || table;
    anchor.parentNode.insertBefore(figure, anchor);

    new window.Chart(canvas, {
      type: kind,
      data: {
        labels: data.labels,
        datasets: [{
          label: table.getAttribute('data-chart-series') || '',
          data: data.values,
          backgroundColor: BRAND,
          borderColor: BRAND,
          borderWidth: 2,
          pointRadius: 4,
          pointHoverRadius: 6,
          spanGaps: false
        }]
      },
      options: {
        locale: language,
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 400 },
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { color: TEXT }, grid: { color: GRID } },
          y: {
            beginAtZero: true,
            ticks: { color: TEXT, precision: table.hasAttribute('data-chart-integer') ? 0 : undefined },
            grid: { color: GRID }
          }
        }
      }
    });
  }

  function start() {
    var tables = document.querySelectorAll('table[data-chart]');
    for (var i = 0; i < tables.length; i++) {
      try {
        draw(tables[i]);
      } catch (e) {
        // a chart that cannot be drawn leaves its table, which holds the same figures
        if (window.console) {
          window.console.warn('KPI chart not drawn', e);
        }
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
