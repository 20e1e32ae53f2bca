// Draws the dashboard's charts from the JSON the page embeds (json_script), with the vendored
// ECharts. No network access: everything is on the page or served by the app.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var colors = { filled: "#2f6f3e", vague: "#b36b00", empty: "#a4161a",
                 done: "#18692e", on_track: "#0a58a8", behind: "#a4161a", at_risk: "#d97a00",
                 no_data: "#8c96a3", ahead: "#2e9e4f", not_started: "#7a0f12" };
  colors.vague_status = "#c9a227";
  var font = "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
  var charts = [];

  function make(id, option, height) {
    var node = document.getElementById(id);
    if (!node) { return; }
    if (height) { node.style.height = height + "px"; }
    var chart = window.echarts.init(node, null, { renderer: "canvas" });
    option.textStyle = { fontFamily: font };
    // Tooltips drawn on the canvas: the HTML ones carry style attributes, which the CSP refuses.
    if (option.tooltip) { option.tooltip.renderMode = "richText"; }
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
  }

  if (data.units && data.units.names.length) {
    var names = data.units.names.slice().reverse();
    make("chart-units", {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, name: "条目" },
      yAxis: { type: "category", data: names, axisLabel: { width: 160, overflow: "truncate" } },
      series: data.units.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "entries", data: s.values.slice().reverse(),
                 itemStyle: { color: colors[s.key] } };
      })
    }, Math.max(220, 26 * names.length + 70));
  }
  if (data.compare) {
    make("chart-compare", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.compare.labels },
      yAxis: { type: "value", minInterval: 1 },
      series: data.compare.series.map(function (s, i) {
        return { name: s.name, type: "bar", data: s.values, label: { show: true, position: "top" },
                 itemStyle: { color: i === 0 ? "#8c96a3" : "#0a58a8" } };
      })
    });
  }
  function statusColor(key) { return key === "vague" ? colors.vague_status : colors[key]; }
  if (data.statuses) {
    make("chart-statuses", {
      tooltip: { trigger: "item" },
      legend: { bottom: 0 },
      series: [{ type: "pie", radius: ["35%", "65%"], label: { formatter: "{b} {c}" },
                 data: data.statuses.map(function (s) {
                   return { name: s.name, value: s.value, itemStyle: { color: statusColor(s.key) } };
                 }) }]
    });
  }
  if (data.status_units && data.status_units.names.length) {
    var unitNames = data.status_units.names.slice().reverse();
    make("chart-status-units", {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, name: "任务" },
      yAxis: { type: "category", data: unitNames, axisLabel: { width: 160, overflow: "truncate" } },
      series: data.status_units.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "status", data: s.values.slice().reverse(),
                 itemStyle: { color: statusColor(s.key) } };
      })
    }, Math.max(220, 26 * unitNames.length + 70));
  }
  if (data.status_compare) {
    make("chart-status-compare", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.status_compare.labels },
      yAxis: { type: "value", minInterval: 1 },
      series: data.status_compare.series.map(function (s, i) {
        return { name: s.name, type: "bar", data: s.values, label: { show: true, position: "top" },
                 itemStyle: { color: i === 0 ? "#8c96a3" : "#0a58a8" } };
      })
    });
  }
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
