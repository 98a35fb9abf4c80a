// Draws a kernelctl report from the JSON in #report-data: the violation, a timeline with one lane per actor, the
// selected step's diff, commands and lifecycle transitions, one rollout plot per Deployment, and a check's coverage.
// Plain DOM and SVG, no library, no network; every string from the data goes in as text, never as markup.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("report-data").textContent);
  var root = document.getElementById("report");
  var svgNs = "http://www.w3.org/2000/svg";
  var stepWidth = 8;
  var laneHeight = 22;
  var phaseHeight = 18;
  var axisHeight = 20;
  var gapWidth = 60;
  var colours = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    setAll(node, attrs);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(svgNs, tag);
    setAll(node, attrs);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setAll(node, attrs) {
    for (var key in attrs || {}) {
      if (Object.prototype.hasOwnProperty.call(attrs, key)) node.setAttribute(key, attrs[key]);
    }
  }

  // Logical time as the trace prints it: 0s, 12.5s, 3m10s, 1h2m.
  function instant(ms) {
    var s = ms / 1000;
    if (s < 60) return (Math.round(s * 10) / 10) + "s";
    var m = Math.floor(s / 60);
    if (m < 60) return m + "m" + (Math.round(s - m * 60) ? Math.round(s - m * 60) + "s" : "");
    var h = Math.floor(m / 60);
    return h + "h" + (m - h * 60 ? (m - h * 60) + "m" : "");
  }

  function section(title, id) {
    var box = el("section", { id: id });
    box.appendChild(el("h2", {}, title));
    root.appendChild(box);
    return box;
  }

  function list(parent, title, lines, cls) {
    parent.appendChild(el("h3", {}, title));
    if (lines.length === 0) {
      parent.appendChild(el("p", { "class": "none" }, "(none)"));
      return;
    }
    var ul = el("ul", { "class": cls });
    lines.forEach(function (line) {
      var li = el("li", {}, line);
      if (cls === "diff") li.className = line[0] === "+" ? "added" : line[0] === "-" ? "removed" : "changed";
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }

  // ---- violation -------------------------------------------------------------------------------------------------
  function drawViolation() {
    var v = data.violation;
    if (!v) return;
    var box = section("Invariant " + v.invariant + " violated at step " + v.step, "violation");
    box.appendChild(el("p", { "class": "statement" }, v.statement));
    var ul = el("ul");
    v.messages.forEach(function (m) { ul.appendChild(el("li", {}, m)); });
    box.appendChild(ul);
  }

  // ---- timeline --------------------------------------------------------------------------------------------------
  var details;
  var selected = null;

  // x of each shown step: steps in order, a gap where a long run's middle is left out.
  function positions() {
    var xs = [];
    var x = 0;
    for (var i = 0; i < data.steps.length; i++) {
      if (i > 0 && data.steps[i].number !== data.steps[i - 1].number + 1) x += gapWidth;
      xs.push(x);
      x += stepWidth;
    }
    return { xs: xs, width: x };
  }

  function drawTimeline() {
    var box = section("Timeline", "timeline-section");
    if (data.steps.length === 0) {
      box.appendChild(el("p", { "class": "none" }, data.command === "check"
        ? "No counterexample: no history violated an invariant, so there is no run to draw."
        : "No reducer step to draw."));
      return;
    }
    box.appendChild(el("p", { "class": "legend" },
      "One lane per actor, one mark per reducer step in the order they ran. Orange marks: a fault shaped the step. " +
      "Red: the step after which the invariant failed. Grey: the step changed nothing stored. Click a mark (or use ← →) to see its effects."));
    var frame = el("div", { "class": "timeline-frame" });
    var labels = el("div", { "class": "lane-labels" });
    labels.appendChild(el("div", { "class": "lane-label phase-label", style: "height:" + phaseHeight + "px" }, "history"));
    data.lanes.forEach(function (lane) {
      labels.appendChild(el("div", { "class": "lane-label " + lane.kind, style: "height:" + laneHeight + "px", title: lane.name }, lane.name));
    });
    var scroller = el("div", { "class": "timeline-scroll" });
    var pos = positions();
    var height = phaseHeight + data.lanes.length * laneHeight + axisHeight;
    var chart = svg("svg", { id: "timeline", width: pos.width + 10, height: height });
    data.lanes.forEach(function (lane, i) {
      chart.appendChild(svg("rect", { "class": "lane-band " + (i % 2 ? "odd" : "even"), x: 0, y: phaseHeight + i * laneHeight, width: pos.width + 10, height: laneHeight }));
    });
    var indexOf = {};
    data.steps.forEach(function (s, i) { indexOf[s.number] = i; });
    data.phases.forEach(function (p, n) {
      var first = indexOf[Math.max(p.first, data.steps[0].number)];
      var last = indexOf[Math.min(p.last, data.steps[data.steps.length - 1].number)];
      if (first === undefined || last === undefined) return;
      var x = pos.xs[first];
      var w = pos.xs[last] + stepWidth - x;
      var band = svg("rect", { "class": "phase " + (n % 2 ? "odd" : "even"), x: x, y: 0, width: w, height: phaseHeight - 2 });
      band.appendChild(svg("title", {}, p.label + " (steps " + p.first + "–" + p.last + ")"));
      chart.appendChild(band);
      if (w > 30) chart.appendChild(svg("text", { "class": "phase-text", x: x + 3, y: phaseHeight - 6 }, p.label.length > w / 6 ? p.label.slice(0, Math.max(1, Math.floor(w / 6) - 1)) + "…" : p.label));
    });
    for (var i = 1; i < data.steps.length; i++) {
      if (data.steps[i].number !== data.steps[i - 1].number + 1) {
        var gx = pos.xs[i] - gapWidth;
        chart.appendChild(svg("rect", { "class": "gap", x: gx + 4, y: 0, width: gapWidth - 8, height: height - axisHeight }));
        chart.appendChild(svg("text", { "class": "gap-text", x: gx + gapWidth / 2, y: phaseHeight + 12, "text-anchor": "middle" }, "… " + (data.steps[i].number - data.steps[i - 1].number - 1) + " left out"));
      }
    }
    var violating = data.violation ? data.violation.step : -1;
    var lastLabel = -1000;
    data.steps.forEach(function (s, i) {
      var x = pos.xs[i];
      if (s.number === violating) {
        chart.appendChild(svg("rect", { "class": "violation-column", x: x - 2, y: 0, width: stepWidth + 4, height: height - axisHeight }));
      }
      var quiet = s.diff.length === 0 && s.commands.length === 0;
      var cls = "mark" + (s.fault ? " fault" : "") + (s.number === violating ? " violation" : "") + (quiet ? " quiet" : "");
      var mark = svg("rect", { "class": cls, x: x + 1, y: phaseHeight + s.lane * laneHeight + 4, width: stepWidth - 2, height: laneHeight - 8, "data-step": s.number });
      mark.appendChild(svg("title", {}, "step " + s.number + " at " + instant(s.time) + ": " + s.event + (s.fault ? " — fault: " + s.fault : "")));
      mark.addEventListener("click", function () { select(i); });
      chart.appendChild(mark);
      if (x - lastLabel >= 90) {
        chart.appendChild(svg("line", { "class": "tick", x1: x, x2: x, y1: height - axisHeight, y2: height - axisHeight + 4 }));
        chart.appendChild(svg("text", { "class": "tick-text", x: x, y: height - 4 }, "#" + s.number + " " + instant(s.time)));
        lastLabel = x;
      }
    });
    scroller.appendChild(chart);
    frame.appendChild(labels);
    frame.appendChild(scroller);
    box.appendChild(frame);
    details = el("div", { id: "step-details" });
    box.appendChild(details);
    document.addEventListener("keydown", function (e) {
      if (selected === null) return;
      if (e.key === "ArrowRight" && selected + 1 < data.steps.length) select(selected + 1);
      if (e.key === "ArrowLeft" && selected > 0) select(selected - 1);
    });
    var start = data.steps.findIndex(function (s) { return s.number === violating; });
    select(start >= 0 ? start : 0);
    var mark = chart.querySelector('.mark[data-step="' + data.steps[selected].number + '"]');
    scroller.scrollLeft = Math.max(0, Number(mark.getAttribute("x")) - scroller.clientWidth / 2);
  }

  function select(i) {
    var s = data.steps[i];
    var old = document.querySelector("#timeline .mark.selected");
    if (old) old.classList.remove("selected");
    var mark = document.querySelector('#timeline .mark[data-step="' + s.number + '"]');
    mark.classList.add("selected");
    selected = i;
    details.textContent = "";
    details.setAttribute("data-step", s.number);
    details.appendChild(el("h3", { "class": "step-title" }, "Step " + s.number + " at " + instant(s.time) + " — " + data.lanes[s.lane].name + ": " + s.event));
    if (s.fault) details.appendChild(el("p", { "class": "fault-text" }, "Fault: " + s.fault));
    if (data.violation && data.violation.step === s.number) {
      details.appendChild(el("p", { "class": "violation-text" }, "After this step " + data.violation.invariant + " failed: " + data.violation.messages.join(" ")));
    }
    list(details, "State diff", s.diff, "diff");
    list(details, "Commands", s.commands, "commands");
    list(details, "Lifecycle transitions", s.transitions, "transitions");
  }

  // ---- rollouts --------------------------------------------------------------------------------------------------
  function drawRollouts() {
    if (data.rollouts.length === 0) return;
    var box = section("Rollouts", "rollouts");
    box.appendChild(el("p", { "class": "legend" },
      "Each ReplicaSet's replicas step by step (the clock stands still while controllers react, so steps spread the " +
      "rollout out; ticks give their logical time): solid desired (spec.replicas), dashed ready, dotted available. " +
      "Black: all ReplicaSets together. Red dashed: replicas + maxSurge, the most the desired counts may add up to; " +
      "orange dashed: replicas − maxUnavailable, the fewest available the rollout may leave."));
    data.rollouts.forEach(drawRollout.bind(null, box));
  }

  function drawRollout(box, rollout) {
    var w = 900, h = 240, left = 40, right = 200, top = 10, bottom = 24;
    var figure = el("figure", { "class": "rollout", "data-deployment": rollout.deployment });
    figure.appendChild(el("figcaption", {}, "deployment " + rollout.deployment + " (" + rollout.strategy + ")"));
    var clock = [], maxY = 1;
    rollout.replicaSets.forEach(function (rs) { rs.points.forEach(function (p) { clock.push([p[0], p[1]]); maxY = Math.max(maxY, p[2], p[3], p[4]); }); });
    rollout.bounds.forEach(function (b) { clock.push([b.step, b.time]); maxY = Math.max(maxY, b.replicas + b.maxSurge); });
    clock.sort(function (a, b) { return a[0] - b[0]; });
    var totals = sums(rollout.replicaSets);
    totals.forEach(function (p) { maxY = Math.max(maxY, p[1]); });
    var s0 = clock[0][0], s1 = Math.max(clock[clock.length - 1][0] + 1, s0 + 1);
    var sx = function (n) { return left + (n - s0) / (s1 - s0) * (w - left - right); };
    var sy = function (v) { return top + (1 - v / maxY) * (h - top - bottom); };
    var plot = svg("svg", { "class": "rollout-plot", width: w, height: h });
    for (var v = 0; v <= maxY; v += Math.max(1, Math.ceil(maxY / 6))) {
      plot.appendChild(svg("line", { "class": "grid", x1: left, x2: w - right, y1: sy(v), y2: sy(v) }));
      plot.appendChild(svg("text", { "class": "tick-text", x: left - 6, y: sy(v) + 4, "text-anchor": "end" }, String(v)));
    }
    for (var t = 0; t <= 5; t++) {
      var at = Math.round(s0 + (s1 - s0) * t / 5);
      var time = clock.filter(function (c) { return c[0] <= at; }).pop() || clock[0];
      plot.appendChild(svg("text", { "class": "tick-text", x: sx(at), y: h - 6, "text-anchor": t === 0 ? "start" : t === 5 ? "end" : "middle" }, "#" + at + " " + instant(time[1])));
    }
    if (rollout.strategy === "RollingUpdate" && rollout.bounds.length > 0) {
      plot.appendChild(step(rollout.bounds.map(function (b) { return [b.step, b.replicas + b.maxSurge]; }), s1, sx, sy, { "class": "bound surge" }));
      plot.appendChild(step(rollout.bounds.map(function (b) { return [b.step, b.replicas - b.maxUnavailable]; }), s1, sx, sy, { "class": "bound unavailable" }));
    }
    plot.appendChild(step(totals.map(function (p) { return [p[0], p[1]]; }), s1, sx, sy, { "class": "total desired" }));
    plot.appendChild(step(totals.map(function (p) { return [p[0], p[3]]; }), s1, sx, sy, { "class": "total available" }));
    rollout.replicaSets.forEach(function (rs, n) {
      var colour = colours[n % colours.length];
      var g = svg("g", { "class": "series", "data-replicaset": rs.name, stroke: colour });
      g.appendChild(step(rs.points.map(function (p) { return [p[0], p[2]]; }), s1, sx, sy, { "class": "desired" }));
      g.appendChild(step(rs.points.map(function (p) { return [p[0], p[3]]; }), s1, sx, sy, { "class": "ready" }));
      g.appendChild(step(rs.points.map(function (p) { return [p[0], p[4]]; }), s1, sx, sy, { "class": "available" }));
      plot.appendChild(g);
      plot.appendChild(svg("text", { "class": "series-label", x: w - right + 8, y: top + 14 + n * 16, fill: colour }, rs.name));
    });
    var k = rollout.replicaSets.length;
    plot.appendChild(svg("text", { "class": "series-label", x: w - right + 8, y: top + 14 + k * 16 }, "all ReplicaSets"));
    if (rollout.strategy === "RollingUpdate") {
      plot.appendChild(svg("text", { "class": "series-label surge-text", x: w - right + 8, y: top + 14 + (k + 1) * 16 }, "replicas + maxSurge"));
      plot.appendChild(svg("text", { "class": "series-label unavailable-text", x: w - right + 8, y: top + 14 + (k + 2) * 16 }, "replicas − maxUnavailable"));
    }
    if (data.violation) {
      var bad = data.violation.step;
      if (bad >= s0 && bad <= s1) plot.appendChild(svg("line", { "class": "violation-line", x1: sx(bad), x2: sx(bad), y1: top, y2: h - bottom }));
    }
    figure.appendChild(plot);
    box.appendChild(figure);
  }

  // The ReplicaSets' counts added up at every step any of them changed: [step, desired, ready, available].
  function sums(replicaSets) {
    var events = [];
    replicaSets.forEach(function (rs, n) { rs.points.forEach(function (p) { events.push({ s: p[0], n: n, p: p }); }); });
    events.sort(function (a, b) { return a.s - b.s || a.n - b.n; });
    var current = replicaSets.map(function () { return [0, 0, 0, 0, 0]; });
    var out = [];
    events.forEach(function (e) {
      current[e.n] = e.p;
      var total = [e.s, 0, 0, 0];
      current.forEach(function (c) { total[1] += c[2]; total[2] += c[3]; total[3] += c[4]; });
      if (out.length > 0 && out[out.length - 1][0] === e.s) out[out.length - 1] = total; else out.push(total);
    });
    return out;
  }

  // A step function through [time, value] points, held to the plot's last time.
  function step(points, end, sx, sy, attrs) {
    var d = "";
    points.forEach(function (p, i) {
      d += i === 0 ? "M" + sx(p[0]) + " " + sy(p[1]) : "H" + sx(p[0]) + "V" + sy(p[1]);
    });
    if (points.length > 0) d += "H" + sx(end);
    attrs.d = d;
    return svg("path", attrs);
  }

  // ---- coverage --------------------------------------------------------------------------------------------------
  function drawCoverage() {
    var c = data.coverage;
    if (!c) return;
    var box = section("Coverage", "coverage");
    box.appendChild(el("p", { "class": "legend" },
      "Every lifecycle transition the machines permit, every scheduler filter verdict and every invariant, over all histories checked. " +
      "The darker the cell, the more often it was reached; hatched cells never were."));
    grid(box, "Lifecycle transitions", "transitions", c.transitions);
    grid(box, "Scheduler filter verdicts", "verdicts", c.verdicts);
    grid(box, "Invariants checked", "invariants", c.invariants);
  }

  function grid(box, title, id, cells) {
    var reached = cells.filter(function (x) { return x.count > 0; }).length;
    box.appendChild(el("h3", {}, title + ": " + reached + " of " + cells.length + " reached"));
    var max = Math.max.apply(null, cells.map(function (x) { return x.count; }).concat([1]));
    var table = el("div", { "class": "coverage-grid", id: "coverage-" + id });
    var groups = [];
    cells.forEach(function (x) { if (groups.indexOf(x.group) < 0) groups.push(x.group); });
    groups.forEach(function (g) {
      var row = el("div", { "class": "coverage-row" });
      row.appendChild(el("div", { "class": "coverage-group" }, g));
      var line = el("div", { "class": "coverage-cells" });
      row.appendChild(line);
      cells.filter(function (x) { return x.group === g; }).forEach(function (x) {
        var cell = el("div", { "class": "coverage-cell " + (x.count > 0 ? "reached" : "unreached"), title: g + " " + x.name + ": " + x.count });
        if (x.count > 0) cell.style.setProperty("--heat", (0.2 + 0.8 * Math.log(1 + x.count) / Math.log(1 + max)).toFixed(3));
        cell.appendChild(el("span", { "class": "cell-name" }, x.name));
        cell.appendChild(el("span", { "class": "cell-count" }, String(x.count)));
        line.appendChild(cell);
      });
      table.appendChild(row);
    });
    box.appendChild(table);
  }

  drawViolation();
  drawTimeline();
  drawRollouts();
  drawCoverage();
  document.body.setAttribute("data-ready", "true");
})();
