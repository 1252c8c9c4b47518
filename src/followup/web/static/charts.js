// Draws each chart on the page with Chart.js from the data the server put beside it
// (<script type="application/json" data-for="CANVAS-ID">). The numbers are also in a table next
// to every chart, so the page says everything without this script.
(function () {
  "use strict";
  const css = getComputedStyle(document.documentElement);
  const color = (name, fallback) => (css.getPropertyValue(name).trim() || fallback);
  const INK = color("--ink", "#1b1f24");
  const MUTED = color("--muted", "#59616b");
  const ACCENT = color("--accent", "#1f5fbf");
  const GOOD = color("--good", "#1b6b36");
  const BAD = color("--bad", "#a4161a");
  const PALETTE = [ACCENT, GOOD, "#b26a00", BAD, "#6a3fb5", MUTED];

  Chart.defaults.color = INK;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false; // charts appear at once, and print as they look

  // How each kind of mark looks on an opportunity's timeline: shape, fill, outline.
  const MARKS = {
    "interview held": { name: "Interview", style: "rectRot", fill: INK, line: INK, size: 8 },
    "touch planned": { name: "Planned", style: "circle", fill: "#ffffff", line: ACCENT, size: 7 },
    "touch done": { name: "Done", style: "circle", fill: GOOD, line: GOOD, size: 7 },
    "touch skipped": { name: "Skipped", style: "dash", fill: MUTED, line: MUTED, size: 9 },
    "touch cancelled": { name: "Cancelled", style: "crossRot", fill: BAD, line: BAD, size: 8 },
    "message received": { name: "Message from them", style: "triangle", fill: "#6a3fb5", line: "#6a3fb5", size: 8 },
    decision: { name: "Decision", style: "star", fill: "#b26a00", line: "#b26a00", size: 10 },
    "deadline deadline": { name: "Deadline", style: "rect", fill: "#ffffff", line: "#b26a00", size: 7 },
  };

  function timeline(canvas, data) {
    const groups = new Map();
    for (const mark of data.marks) {
      if (mark.kind === "today") continue;
      const key = mark.kind === "decision" ? "decision" : `${mark.kind} ${mark.status}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ x: mark.day, y: mark.lane, label: mark.label });
    }
    const datasets = [];
    for (const [key, look] of Object.entries(MARKS)) {
      if (!groups.has(key)) continue;
      datasets.push({
        label: look.name,
        data: groups.get(key),
        pointStyle: look.style,
        pointRadius: look.size,
        pointHoverRadius: look.size + 3,
        pointBorderWidth: 2,
        backgroundColor: look.fill,
        borderColor: look.line,
      });
    }
    const lanes = data.lanes;
    datasets.push({
      label: "Today",
      type: "line",
      data: [
        { x: data.today, y: lanes[0], label: data.today_label },
        { x: data.today, y: lanes[lanes.length - 1], label: data.today_label },
      ],
      borderColor: ACCENT,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 12,
    });
    return {
      type: "scatter",
      data: { datasets },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: "nearest", intersect: true },
        plugins: {
          legend: { display: false }, // a wide timeline scrolls: its key is in the page, beside it
          tooltip: {
            callbacks: { title: () => "", label: (item) => item.raw.label },
          },
        },
        scales: {
          x: {
            type: "time",
            min: data.start,
            max: data.end,
            time: { unit: data.unit, tooltipFormat: "PP" },
            grid: { color: "#eef0f3" },
          },
          y: { type: "category", labels: lanes, offset: true, grid: { color: "#eef0f3" } },
        },
      },
    };
  }

  function bars(canvas, data) {
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map((set, i) => ({
          label: set.label,
          data: set.values,
          backgroundColor: set.color || PALETTE[i % PALETTE.length],
          borderRadius: 3,
        })),
      },
      options: {
        maintainAspectRatio: false,
        indexAxis: data.horizontal ? "y" : "x",
        plugins: {
          legend: { display: data.datasets.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              label: (item) => {
                const set = data.datasets[item.datasetIndex];
                const text = set.texts ? set.texts[item.dataIndex] : item.formattedValue;
                return `${set.label}: ${text}`;
              },
            },
          },
        },
        scales: {
          x: { stacked: !!data.stacked, ticks: { autoSkip: true, maxRotation: 0 } },
          y: {
            stacked: !!data.stacked,
            beginAtZero: true,
            max: data.percent ? 100 : undefined,
            ticks: { precision: 0, callback: data.percent ? (v) => `${v}%` : undefined },
          },
        },
      },
    };
  }

  // A funnel: each step a bar centred on zero, as wide as its count.
  function funnel(canvas, data) {
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{
          label: "Opportunities",
          data: data.values.map((v) => [-v / 2, v / 2]),
          backgroundColor: data.values.map((_, i) => PALETTE[i % PALETTE.length]),
          borderRadius: 3,
          barPercentage: 0.95,
          categoryPercentage: 0.95,
        }],
      },
      options: {
        maintainAspectRatio: false,
        indexAxis: "y",
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => data.texts[item.dataIndex] } },
        },
        scales: {
          x: { display: false, min: -Math.max(1, data.values[0]) / 2, max: Math.max(1, data.values[0]) / 2 },
          y: { grid: { display: false } },
        },
      },
    };
  }

  const KINDS = { timeline, bars, funnel };
  const charts = [];
  for (const source of document.querySelectorAll('script[type="application/json"][data-chart]')) {
    const canvas = document.getElementById(source.dataset.chart);
    const make = KINDS[source.dataset.kind];
    if (!canvas || !make) continue;
    const data = JSON.parse(source.textContent);
    const chart = new Chart(canvas, make(canvas, data));
    charts.push(chart);
    if (data.today) showToday(chart, data.today);
  }

  // A timeline wider than the screen opens with today in view.
  function showToday(chart, today) {
    const scroller = chart.canvas.closest(".chart-scroll");
    if (!scroller || scroller.scrollWidth <= scroller.clientWidth) return;
    const x = chart.scales.x.getPixelForValue(Date.parse(today + "T00:00:00"));
    // keep the names of the lanes in view unless today lies further right
    if (x > scroller.clientWidth * 0.75) scroller.scrollLeft = x - scroller.clientWidth * 0.75;
  }
  // Redraw at the paper's size when printing, and back after.
  const resize = () => charts.forEach((chart) => chart.resize());
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);

  // "Show the numbers": the table behind a chart, for anyone who prefers it.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-table-toggle]");
    if (!button) return;
    const table = document.getElementById(button.getAttribute("aria-controls"));
    const shown = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!shown));
    table.classList.toggle("chart-table-hidden", shown);
    button.textContent = shown ? "Show the numbers" : "Hide the numbers";
  });
})();
