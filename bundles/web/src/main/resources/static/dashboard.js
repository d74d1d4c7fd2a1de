/*
 * KPI dashboard charts: progressive enhancement of the tables the server renders.
 *
 * Every table with data-chart="bar", "line" or "radar" gets a chart (Chart.js, served from the bundle) drawn above
 * it from its own cells: the row headers are the labels, each value cell's data-value the value (a cell without one,
 * "no value", is a gap). A table whose column headers carry data-series has a dataset per such column (named by the
 * header, coloured by the attribute's value); otherwise the first value column is the one dataset. The table's
 * data-chart-min / -max fix the value axis, data-chart-stacked stacks the bars, data-chart-horizontal lays them
 * down. The canvas is an image with an aria-label; screen reader and keyboard users read the table, which stays as it
 * is. Without this script, or without Chart.js, the page shows the tables only.
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
  // colours of datasets by data-series: distinguishable without colour vision too (blue-green, orange, grey)
  var COLOURS = { brand: BRAND, accent: '#c75000', neutral: '#8a9399' };
  var FILLS = { brand: 'rgba(11, 74, 87, 0.2)', accent: 'rgba(199, 80, 0, 0.15)', neutral: 'rgba(138, 147, 153, 0.2)' };
  var TEXT = '#1b1b1b';
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var language = document.documentElement.getAttribute('lang') || 'nl';

  function number(cell) {
    var raw = cell ? cell.getAttribute('data-value') : null;
    return raw === null ? null : Number(raw);
  }

  /** The columns drawn: those headed data-series, else the first value column (index 1) as the one series. */
  function columns(table) {
    var heads = table.querySelectorAll('thead th[data-series]');
    var found = [];
    for (var i = 0; i < heads.length; i++) {
      found.push({
        index: heads[i].cellIndex,
        label: heads[i].textContent.trim(),
        colour: heads[i].getAttribute('data-series')
      });
    }
    if (found.length === 0) {
      found.push({ index: 1, label: table.getAttribute('data-chart-series') || '', colour: 'brand' });
    }
    return found;
  }

  function read(table) {
    var series = columns(table);
    var labels = [];
    var values = series.map(function () { return []; });
    var rows = table.querySelectorAll('tbody tr');
    for (var i = 0; i < rows.length; i++) {
      var header = rows[i].querySelector('th');
      if (!header || rows[i].cells.length < 2) {
        continue;
      }
      labels.push(header.textContent.trim());
      for (var s = 0; s < series.length; s++) {
        values[s].push(number(rows[i].cells[series[s].index]));
      }
    }
    return { labels: labels, series: series, values: values };
  }

  function limit(table, name) {
    var raw = table.getAttribute(name);
    return raw === null || raw === '' ? undefined : Number(raw);
  }

  function datasets(data, kind) {
    return data.series.map(function (series, s) {
      var colour = COLOURS[series.colour] || BRAND;
      return {
        label: series.label,
        data: data.values[s],
        backgroundColor: kind === 'radar' ? (FILLS[series.colour] || FILLS.brand) : colour,
        borderColor: colour,
        borderWidth: 2,
        pointBackgroundColor: colour,
        pointStyle: s % 2 === 0 ? 'circle' : 'rectRot',
        pointRadius: 4,
        pointHoverRadius: 6,
        fill: kind === 'radar',
        spanGaps: false
      };
    });
  }

  function scales(table, kind) {
    var min = limit(table, 'data-chart-min');
    var max = limit(table, 'data-chart-max');
    if (kind === 'radar') {
      return {
        r: {
          min: min === undefined ? 0 : min,
          max: max,
          ticks: { color: TEXT, stepSize: 2, backdropColor: 'transparent' },
          pointLabels: { color: TEXT, font: { size: 13 } },
          grid: { color: GRID },
          angleLines: { color: GRID }
        }
      };
    }
    var stacked = table.hasAttribute('data-chart-stacked');
    var category = { stacked: stacked, ticks: { color: TEXT }, grid: { color: GRID } };
    var value = {
      stacked: stacked,
      beginAtZero: true,
      min: min,
      max: max,
      ticks: { color: TEXT, precision: table.hasAttribute('data-chart-integer') ? 0 : undefined },
      grid: { color: GRID }
    };
    return table.hasAttribute('data-chart-horizontal') ? { x: value, y: category } : { x: category, y: value };
  }

  function draw(table) {
    var kind = table.getAttribute('data-chart');
    if (kind !== 'bar' && kind !== 'line' && kind !== 'radar') {
      return;
    }
    var data = read(table);
    if (data.labels.length === 0) {
      return;
    }
    var label = table.getAttribute('data-chart-label') || '';

    var figure = document.createElement('figure');
    figure.className = kind === 'radar' ? 'chart chart--radar' : 'chart';
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

    if (kind === 'bar' && table.hasAttribute('data-chart-horizontal')) {
      // one bar per row: room for every label
      box.className = 'chart__canvas chart__canvas--rows';
    }

    new window.Chart(canvas, {
      type: kind,
      data: { labels: data.labels, datasets: datasets(data, kind) },
      options: {
        locale: language,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: table.hasAttribute('data-chart-horizontal') ? 'y' : 'x',
        animation: reducedMotion ? false : { duration: 400 },
        plugins: { legend: { display: data.series.length > 1, labels: { color: TEXT } } },
        scales: scales(table, kind)
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
