// Charts of the office's pages (pack: figures by period; league: scores; themes: counts per
// period), drawn from the JSON the page embeds, with the vendored ECharts. No network access.
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var font = "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function draw(node, option) {
    var chart = window.echarts.init(node, null, { renderer: "canvas" });
    option.textStyle = { fontFamily: font };
    option.animation = false;
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
  }
  var pack = read("pack-data");
  if (pack) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-task]"), function (node) {
      var series = pack[node.getAttribute("data-task")] || [];
      draw(node, {
        tooltip: { trigger: "axis" },
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: series.map(function (s) { return s.period; }) },
        yAxis: { type: "value", name: series.length ? series[series.length - 1].unit : "" },
        series: [{ type: "bar", data: series.map(function (s) { return s.value; }),
                   itemStyle: { color: "#0a58a8" } }]
      });
    });
  }
  var league = read("league-data");
  var leagueNode = document.getElementById("chart-league");
  if (league && leagueNode) {
    leagueNode.style.height = Math.max(240, 24 * league.names.length + 60) + "px";
    draw(leagueNode, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, name: "得分" },
      yAxis: { type: "category", data: league.names, axisLabel: { width: 180, overflow: "truncate" } },
      series: [{ type: "bar", data: league.scores, itemStyle: { color: "#2f6f3e" } }]
    });
  }
  var themes = read("themes-data");
  var themesNode = document.getElementById("chart-themes");
  if (themes && themesNode) {
    draw(themesNode, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: themes.periods },
      yAxis: { type: "value", minInterval: 1, name: "任务" },
      series: themes.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.values };
      })
    });
  }
}());
