/* kg network view.  Every text from the data goes on screen through
   textContent, canvas labels or plain-text tooltips: never through innerHTML. */
(function () {
  "use strict";
  var timing = { start: performance.now() };
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  timing.parsed = performance.now();
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var DIM = "rgba(200,200,200,0.35)";
  var E = D.entities; // [name, type index, aliases, mentions, articles, drawn]
  var TYPES = D.types; // [type, zh, colour, shape]
  var RELS = D.relations; // [relation, zh, colour, dashes, width, arrow]
  var big = D.nodes.length > 400;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function num(n) { return Number(n).toLocaleString("en-US"); }

  /* ---- header ---- */
  var S = D.summary;
  document.getElementById("kg-summary").textContent =
    "文章 articles " + num(S.articles) + " · 实体 entities " + num(S.shownEntities) + " / " +
    num(S.entities) + " · 关系 relations " + num(S.shownRelations) + " / " + num(S.relations) +
    " (shown / total)";
  document.getElementById("kg-leftout").textContent =
    S.leftOut.length ? S.leftOut.join(" · ") : "全部显示 everything is shown";

  /* ---- nodes and edges ---- */
  function tooltip(i) {
    var e = E[i], t = TYPES[e[1]];
    var lines = [e[0], t[1] + " " + t[0]];
    if (e[2].length) lines.push("别名 aliases: " + e[2].join("、"));
    lines.push("提及 " + num(e[3]) + " 次 · " + num(e[4]) + " 篇文章");
    return lines.join("\n");
  }
  function nodeItem(i, value) {
    var t = TYPES[E[i][1]];
    return {
      id: i, label: E[i][0], title: tooltip(i), shape: t[3], value: value,
      color: { background: t[2], border: t[2], highlight: { background: t[2], border: "#222" },
               hover: { background: t[2], border: "#222" } },
      font: { color: "#222" }, kgType: E[i][1]
    };
  }
  function edgeTitle(from, to, r, count, label) {
    var R = RELS[r];
    var arrow = R[5] ? " → " : " — ";
    var what = R[1] + " " + R[0] + (label ? " (" + label + ")" : "");
    var n = R[0] === "coOccursWith" ? num(count) + " 句 sentences" : num(count) + " 篇 articles";
    return E[from][0] + arrow + E[to][0] + "\n" + what + "\n" + n;
  }
  function edgeColour(r) {
    var R = RELS[r], co = R[0] === "coOccursWith";
    return { color: R[2], highlight: co ? "#777" : R[2], hover: co ? "#777" : R[2], opacity: co ? 0.55 : 0.9 };
  }
  var edgeSeq = 0;
  function edgeItem(from, to, r, count, label) {
    var R = RELS[r], co = R[0] === "coOccursWith";
    return {
      id: "e" + (edgeSeq++), from: from, to: to, kgRel: r, title: edgeTitle(from, to, r, count, label),
      label: label || undefined, dashes: R[3], arrows: { to: { enabled: R[5], scaleFactor: 0.6 } },
      width: co ? Math.min(R[4] + Math.log(1 + count) * 0.4, 3) : R[4],
      color: edgeColour(r),
      font: { size: 11, color: R[2], strokeWidth: 3, strokeColor: "#fff", face: FONT }
    };
  }
  var drawn = {};
  var nodes = new vis.DataSet(D.nodes.map(function (i, j) { drawn[i] = true; return nodeItem(i, D.values[j]); }));
  var edges = new vis.DataSet(D.edges.map(function (e) { return edgeItem(e[0], e[1], e[2], e[3], e[4]); }));

  timing.datasets = performance.now();
  var n = D.nodes.length;
  var options = {
    autoResize: true,
    nodes: {
      borderWidth: 1,
      font: { face: FONT, size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 10, max: 40, label: { enabled: true, min: 14, max: 34, drawThreshold: 7, maxVisible: 40 } }
    },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
    layout: { improvedLayout: n <= 120, randomSeed: 7 },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { theta: 0.8, gravitationalConstant: -60, centralGravity: 0.012,
                          springLength: 90, springConstant: 0.08, damping: 0.4, avoidOverlap: 0 },
      minVelocity: 2,
      stabilization: { enabled: true, iterations: n > 1000 ? 100 : n > 400 ? 150 : 300,
                       updateInterval: 50, fit: true }
    }
  };
  if (D.visOptions) Object.keys(D.visOptions).forEach(function (k) { options[k] = D.visOptions[k]; });
  var container = document.getElementById("kg-network");
  var status = document.getElementById("kg-status");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  timing.created = performance.now();
  var view = window.kgView = {
    network: network, nodes: nodes, edges: edges, settled: false, settledAt: null, timing: timing,
    focusEntity: focusEntity, search: search, entities: E
  };

  function settle() {
    if (view.settled) return;
    network.setOptions({ physics: { enabled: false } });
    view.settled = true;
    view.settledAt = performance.now();
    document.body.setAttribute("data-settled", "1");
    status.textContent = "布局完成 layout settled (" + num(n) + " nodes, " +
      (view.settledAt / 1000).toFixed(1) + " s)";
    if (D.focus.length) focusEntity(D.focus[0]);
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "布局中 laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);
  if (n < 2) setTimeout(settle, 0);

  /* ---- legend and filters ---- */
  var SVGNS = "http://www.w3.org/2000/svg";
  function svg(w, h) { var s = document.createElementNS(SVGNS, "svg"); s.setAttribute("width", w); s.setAttribute("height", h); return s; }
  function shapeIcon(shape, colour) {
    var s = svg(14, 14), p;
    if (shape === "dot") { p = document.createElementNS(SVGNS, "circle"); p.setAttribute("cx", 7); p.setAttribute("cy", 7); p.setAttribute("r", 6); }
    else { p = document.createElementNS(SVGNS, "polygon");
      p.setAttribute("points", shape === "triangle" ? "7,1 13,13 1,13" : shape === "square" ? "1,1 13,1 13,13 1,13" : "7,0 14,7 7,14 0,7"); }
    p.setAttribute("fill", colour); s.appendChild(p); return s;
  }
  function lineIcon(R) {
    var s = svg(30, 10), l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", 1); l.setAttribute("y1", 5); l.setAttribute("x2", 29); l.setAttribute("y2", 5);
    l.setAttribute("stroke", R[2]); l.setAttribute("stroke-width", Math.max(R[4], 1.2));
    if (R[3]) l.setAttribute("stroke-dasharray", R[3].join(" "));
    s.appendChild(l); return s;
  }
  var typeCount = TYPES.map(function () { return 0; });
  D.nodes.forEach(function (i) { typeCount[E[i][1]]++; });
  var relCount = RELS.map(function () { return 0; });
  D.edges.forEach(function (e) { relCount[e[2]]++; });
  var shownTypes = TYPES.map(function () { return true; });
  var shownRels = RELS.map(function () { return true; });
  function checkbox(parent, icon, text, count, onChange, id) {
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.id = id;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box); label.appendChild(icon); label.appendChild(el("span", text));
    label.appendChild(el("span", "(" + num(count) + ")", "kg-dim"));
    parent.appendChild(label);
  }
  TYPES.forEach(function (t, ti) {
    checkbox(document.getElementById("kg-types"), shapeIcon(t[3], t[2]), t[1] + " " + t[0], typeCount[ti],
      function (on) { shownTypes[ti] = on; applyFilters(); }, "kg-type-" + t[0]);
  });
  RELS.forEach(function (R, ri) {
    checkbox(document.getElementById("kg-relations"), lineIcon(R), R[1] + " " + R[0], relCount[ri],
      function (on) { shownRels[ri] = on; applyFilters(); }, "kg-rel-" + R[0]);
  });
  function applyFilters() {
    nodes.update(nodes.get().map(function (x) { return { id: x.id, hidden: !shownTypes[x.kgType] }; }));
    edges.update(edges.get().map(function (x) { return { id: x.id, hidden: !shownRels[x.kgRel] }; }));
    var visible = nodes.get({ filter: function (x) { return !x.hidden; } }).length;
    status.textContent = "显示 shown: " + num(visible) + " / " + num(nodes.length) + " nodes";
  }

  /* ---- neighbourhood highlight ---- */
  var highlighted = false;
  function highlight(id) {
    var near = {};
    near[id] = true;
    network.getConnectedNodes(id).forEach(function (k) { near[k] = true; });
    nodes.update(nodes.get().map(function (x) {
      var t = TYPES[x.kgType];
      return near[x.id]
        ? { id: x.id, color: { background: t[2], border: t[2] }, font: { color: "#222" } }
        : { id: x.id, color: { background: DIM, border: DIM }, font: { color: "#bbbbbb" } };
    }));
    edges.update(edges.get().map(function (x) {
      var c = edgeColour(x.kgRel);
      if (x.from !== id && x.to !== id) c.opacity = 0.12;
      return { id: x.id, color: c };
    }));
    highlighted = true;
  }
  function unhighlight() {
    if (!highlighted) return;
    nodes.update(nodes.get().map(function (x) {
      var t = TYPES[x.kgType];
      return { id: x.id, color: { background: t[2], border: t[2] }, font: { color: "#222" } };
    }));
    edges.update(edges.get().map(function (x) { return { id: x.id, color: edgeColour(x.kgRel) }; }));
    highlighted = false;
  }

  /* ---- entities not drawn: shown on demand with their links to drawn ones ---- */
  function reveal(i) {
    if (drawn[i]) return;
    var links = D.links[i] || [], pos = null;
    links.forEach(function (l) { if (!pos && drawn[l[0]]) pos = network.getPositions([l[0]])[l[0]]; });
    var item = nodeItem(i, 1);
    if (pos) { item.x = pos.x + 60; item.y = pos.y + 60; }
    else { var c = network.getViewPosition(); item.x = c.x; item.y = c.y; }
    item.borderWidth = 3; item.shapeProperties = { borderDashes: [4, 3] };
    nodes.add(item);
    drawn[i] = true;
    links.forEach(function (l) {
      edges.add(l[2] ? edgeItem(i, l[0], l[1], l[3], "") : edgeItem(l[0], i, l[1], l[3], ""));
    });
  }

  /* ---- side panel ---- */
  var panel = document.getElementById("kg-panel");
  function entityLink(i) {
    var b = el("button", E[i][0], "kg-link");
    b.type = "button";
    b.title = TYPES[E[i][1]][1] + " " + TYPES[E[i][1]][0];
    b.addEventListener("click", function () { focusEntity(i); });
    return b;
  }
  function safeUrl(url) {
    try { var u = new URL(url); return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null; }
    catch (err) { return null; }
  }
  function evidenceList(parent, evs) {
    evs.forEach(function (ev) {
      var a = D.articles[ev[0]], box = el("div", null, "kg-ev");
      box.appendChild(el("div", ev[1]));
      var cite = el("div", null, "kg-cite");
      cite.appendChild(el("span", (a[1] ? "《" + a[1] + "》" : a[0]) + (a[2] ? " " + a[2] : "") + (a[3] ? " · " + a[3] : "")));
      cite.appendChild(el("span", " · " + (ev[4] === "source" ? "页眉 page header " : "第 ") + ev[2] + "–" + ev[3] +
        (ev[4] === "source" ? "" : " 字 (offsets)")));
      var url = a[4] && safeUrl(a[4]);
      if (url) {
        var link = el("a", " 原文 source");
        link.href = url; link.rel = "noopener noreferrer"; link.target = "_blank";
        cite.appendChild(link);
      }
      box.appendChild(cite);
      parent.appendChild(box);
    });
  }
  function section(title) { panel.appendChild(el("h3", title)); }
  function showPanel(i) {
    var e = E[i], t = TYPES[e[1]], d = D.details[i];
    panel.textContent = "";
    var h = el("h2", e[0]); h.id = "kg-panel-name"; panel.appendChild(h);
    var typeLine = el("div"); typeLine.appendChild(shapeIcon(t[3], t[2]));
    typeLine.appendChild(el("span", " " + t[1] + " " + t[0] + " · 提及 " + num(e[3]) + " 次 mentions · " + num(e[4]) + " 篇 articles"));
    panel.appendChild(typeLine);
    if (e[2].length) { section("别名 Aliases"); panel.appendChild(el("div", e[2].join("、"))); }
    if (!d) {
      var note = el("p", null, "kg-note");
      note.appendChild(el("span", "未在本图中绘出 — not among the drawn entities; its strongest links to drawn ones are added. For its whole neighbourhood rebuild with "));
      note.appendChild(el("code", "--view-focus " + e[0]));
      panel.appendChild(note);
      var links = D.links[i] || [];
      if (links.length) {
        section("关系 Relations (to drawn entities)");
        var ul0 = el("ul");
        links.forEach(function (l) {
          var li = el("li"), R = RELS[l[1]];
          li.appendChild(el("span", R[1] + " " + R[0] + (R[5] ? (l[2] ? " → " : " ← ") : " — ")));
          li.appendChild(entityLink(l[0]));
          li.appendChild(el("span", " ×" + num(l[3]), "kg-dim"));
          ul0.appendChild(li);
        });
        panel.appendChild(ul0);
      }
      return;
    }
    if (d.posts.length) {
      section("职务 Posts");
      d.posts.forEach(function (p) {
        var div = el("div"); div.className = "kg-post";
        div.appendChild(el("strong", p[1] ? p[1] + " " + p[0] : p[0]));
        panel.appendChild(div);
        evidenceList(panel, p[2]);
      });
    }
    if (d.rels.length) {
      section("关系 Relations");
      d.rels.forEach(function (r) {
        var R = RELS[r[0]], div = el("div");
        div.appendChild(el("span", R[1] + " " + R[0] + (r[4] ? " (" + r[4] + ")" : "") + (R[5] ? (r[1] ? " → " : " ← ") : " — ")));
        div.appendChild(entityLink(r[2]));
        div.appendChild(el("span", " ×" + num(r[3]), "kg-dim"));
        panel.appendChild(div);
        evidenceList(panel, r[5]);
      });
      if (d.moreRels) panel.appendChild(el("p", "… " + num(d.moreRels) + " more", "kg-dim"));
    }
    if (d.co.length) {
      section("共现 Appears with (sentences)");
      d.co.forEach(function (c) {
        var div = el("div");
        div.appendChild(entityLink(c[0]));
        div.appendChild(el("span", " " + num(c[1]) + " 句", "kg-dim"));
        panel.appendChild(div);
        evidenceList(panel, c[2]);
      });
      if (d.moreCo) panel.appendChild(el("p", "… " + num(d.moreCo) + " more", "kg-dim"));
    }
    if (d.mentions.length) { section("出处 Mentioned in"); evidenceList(panel, d.mentions); }
  }
  function clearPanel() {
    panel.textContent = "";
    panel.appendChild(el("p", "点击节点查看详情与出处。Click a node to see where each fact comes from.", "kg-hint"));
  }

  function focusEntity(i) {
    reveal(i);
    var t = E[i][1];
    if (!shownTypes[t]) { shownTypes[t] = true; document.getElementById("kg-type-" + TYPES[t][0]).checked = true; applyFilters(); }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    highlight(i);
    showPanel(i);
    view.selected = i;
  }
  network.on("click", function (p) {
    if (p.nodes.length) { highlight(p.nodes[0]); showPanel(p.nodes[0]); view.selected = p.nodes[0]; }
    else if (!p.edges.length) { unhighlight(); clearPanel(); view.selected = null; }
  });

  /* ---- search (name or alias; Chinese input methods: wait for the composition to end) ---- */
  var input = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  function search(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    for (var i = 0; i < E.length; i++) {
      var best = 9, names = [E[i][0]].concat(E[i][2]);
      for (var k = 0; k < names.length; k++) {
        var s = names[k].toLowerCase();
        var rank = s === q ? 0 : s.indexOf(q) === 0 ? 1 : s.indexOf(q) > 0 ? 2 : 9;
        if (k > 0 && rank < 9) rank += 0.5;
        if (rank < best) best = rank;
      }
      if (best < 9) hits.push([best, E[i][5] ? 0 : 1, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.slice(0, 30).map(function (h) { return h[2]; });
  }
  function showResults() {
    var hits = search(input.value);
    results.textContent = "";
    hits.forEach(function (i) {
      var li = el("li"), b = el("button"), t = TYPES[E[i][1]];
      b.type = "button";
      b.appendChild(shapeIcon(t[3], t[2]));
      b.appendChild(el("span", " " + E[i][0]));
      var extra = E[i][2].length ? " (" + E[i][2].slice(0, 3).join("、") + ")" : "";
      b.appendChild(el("span", extra + (drawn[i] ? "" : " · 未绘出 not drawn"), "kg-dim"));
      b.addEventListener("click", function () { focusEntity(i); });
      li.appendChild(b); results.appendChild(li);
    });
    if (input.value.trim() && !hits.length) results.appendChild(el("li", "没有找到 nothing found", "kg-dim"));
  }
  input.addEventListener("input", function (ev) { if (!ev.isComposing) showResults(); });
  input.addEventListener("compositionend", showResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.isComposing) {
      var hits = search(input.value);
      if (hits.length) focusEntity(hits[0]);
    }
  });

})();
