// A judge's sheet on the phone. Scores go into a queue kept in the phone's storage first and are sent
// from there in order, so a score entered without a connection (or before a reload) is never lost;
// each carries an id made here, so sending it twice stores it once. Plain ES2017 for old in-app
// browsers (WeChat's among them).
"use strict";

var secret = (location.pathname.match(/^\/j\/([A-Za-z0-9_-]+)/) || [])[1] || "";
var queueKey = "fest-queue-" + secret;
var sheetKey = "fest-sheet-" + secret;
var sheet = null;
var queue = [];
var refused = {};
var currentEntry = null;
var flushing = false;

function $(id) { return document.getElementById(id); }

function show(view) {
  ["pin-view", "list-view", "entry-view"].forEach(function (name) { $(name).hidden = name !== view; });
  window.scrollTo(0, 0);
}

function load(key, fallback) {
  try { var text = localStorage.getItem(key); return text ? JSON.parse(text) : fallback; }
  catch (e) { return fallback; }
}

function save(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off: the queue lives on in memory */ }
}

function newId() {
  var bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
}

// Like Python's "{:g}" for the values a rubric uses.
function numberText(value) { return String(Math.round(value * 10000) / 10000); }

// The desk's own refusals (scoring/entering.py parse_points), in the same words.
function normalise(text) {
  return String(text).trim()
    .replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
    .replace(/[。．]/g, ".");
}

function checkPoints(criterion, text) {
  var shown = normalise(text);
  if (shown === "") return { value: null };
  var value = Number(shown);
  if (isNaN(value)) return { error: "「" + criterion.name + "」填的「" + shown + "」不是数字。" };
  var what = criterion.deduction ? "扣分" : "分数";
  if (!isFinite(value) || value < 0) return { error: "「" + criterion.name + "」的" + what + "不能是负数（填的是 " + shown + "）。" };
  if (value > criterion.max + 1e-9) {
    var limit = criterion.deduction ? "最多扣" : "满分";
    return { error: "「" + criterion.name + "」" + limit + " " + numberText(criterion.max) + " 分，填的 " + shown + " 超出了。" };
  }
  var cases = value / criterion.step;
  if (Math.abs(cases - Math.round(cases)) > 1e-6) {
    return { error: "「" + criterion.name + "」按 " + numberText(criterion.step) + " 分一档计分，" + shown + " 不在档上。" };
  }
  return { value: Math.round(value * 10000) / 10000 };
}

function api(method, path, body) {
  var controller = window.AbortController ? new AbortController() : null;
  var timer = controller ? setTimeout(function () { controller.abort(); }, 8000) : null;
  return fetch(path, {
    method: method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    cache: "no-store",
    signal: controller ? controller.signal : undefined
  }).then(function (response) {
    if (timer) clearTimeout(timer);
    return response.json().catch(function () { return {}; }).then(function (data) {
      return { status: response.status, data: data };
    });
  }, function (error) { if (timer) clearTimeout(timer); throw error; });
}

function label(entry) {
  var what = entry.authors || entry.title;
  return { name: what ? entry.class_name + " " + what : entry.class_name, sub: what ? entry.code : "" };
}

function queuedFor(entryId) {
  return queue.filter(function (item) { return item.entry === entryId; });
}

// The sheet as the server sent it, with what still waits in the queue laid over it.
function pointsOf(entry) {
  var points = {};
  Object.keys(entry.points).forEach(function (key) { points[key] = entry.points[key]; });
  queuedFor(entry.id).forEach(function (item) {
    Object.keys(item.points).forEach(function (key) { points[key] = item.points[key]; });
  });
  return points;
}

function updateSync() {
  var sync = $("sync");
  if (queue.length) {
    sync.textContent = "待同步 " + queue.length;
    sync.className = "waiting";
  } else {
    sync.textContent = "已同步";
    sync.className = "ok";
  }
  $("resend").hidden = queue.length === 0;
}

function notice(text) {
  $("notice").textContent = text;
  $("notice").hidden = !text;
}

function closedReason() {
  if (!sheet) return "";
  if (sheet.locked) return "「" + sheet.competition.name + "」的成绩已锁定，不能再修改。";
  if (sheet.handed_in) return "你已提交并锁定评分表，不能再修改。如需更正，请找管理员重新开放。";
  return "";
}

function renderList() {
  $("competition").textContent = sheet.competition.name;
  $("judge").textContent = "评委：" + sheet.judge.name;
  var done = 0;
  var list = $("entries");
  list.innerHTML = "";
  var group = null;
  sheet.entries.forEach(function (entry) {
    if (entry.group !== group) {
      group = entry.group;
      var heading = document.createElement("li");
      heading.className = "group";
      heading.textContent = group;
      list.appendChild(heading);
    }
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "entry";
    button.setAttribute("data-entry", entry.id);
    var text = label(entry);
    var name = document.createElement("span");
    name.className = "name";
    name.textContent = text.name;
    if (text.sub) {
      var sub = document.createElement("span");
      sub.className = "sub";
      sub.textContent = text.sub;
      name.appendChild(sub);
    }
    var badge = document.createElement("span");
    badge.className = "badge";
    if (refused[entry.id]) { badge.textContent = "未被接受"; badge.className += " refused"; }
    else if (queuedFor(entry.id).length) { badge.textContent = "待同步"; badge.className += " waiting"; }
    else if (entry.done) { badge.textContent = "已评 ✓"; badge.className += " done"; }
    else { badge.textContent = "未评"; }
    if (entry.done) done += 1;
    button.appendChild(name);
    button.appendChild(badge);
    button.addEventListener("click", function () { openEntry(entry.id); });
    item.appendChild(button);
    list.appendChild(item);
  });
  $("progress").textContent = "已评 " + done + " / " + sheet.entries.length + " 件（按年级、班级顺序）";
  var closed = closedReason();
  if (closed) notice(closed);
  $("hand-in-box").hidden = !!closed;
  updateSync();
}

function entryById(entryId) {
  return sheet.entries.filter(function (e) { return e.id === entryId; })[0];
}

function openEntry(entryId) {
  var entry = entryById(entryId);
  if (!entry) return;
  currentEntry = entry;
  var text = label(entry);
  $("entry-title").textContent = text.name;
  $("entry-sub").textContent = [entry.group, text.sub].filter(Boolean).join(" · ");
  $("entry-error").textContent = refused[entry.id] || "";
  var points = pointsOf(entry);
  var box = $("criteria");
  box.innerHTML = "";
  var closed = closedReason();
  sheet.criteria.forEach(function (criterion) {
    var stored = points[String(criterion.id)];
    var row = document.createElement("div");
    row.className = "criterion";
    row.setAttribute("data-criterion", criterion.id);
    var title = document.createElement("div");
    title.className = "title";
    title.textContent = criterion.name + (criterion.deduction ? "（扣分项）" : "");
    var rule = document.createElement("div");
    rule.className = "rule";
    rule.textContent = criterion.deduction
      ? "每处扣 " + numberText(criterion.step) + " 分，最多扣 " + numberText(criterion.max) + " 分；下面填处数"
      : "满分 " + numberText(criterion.max) + " 分，每档 " + numberText(criterion.step) + " 分";
    var stepper = document.createElement("div");
    stepper.className = "stepper";
    var minus = document.createElement("button");
    minus.type = "button";
    minus.textContent = "−";
    minus.setAttribute("aria-label", criterion.name + " 减");
    var field = document.createElement("input");
    field.inputMode = criterion.deduction ? "numeric" : "decimal";
    field.setAttribute("aria-label", criterion.name);
    if (stored !== null && stored !== undefined) {
      field.value = criterion.deduction ? numberText(stored / criterion.step) : numberText(stored);
    }
    var plus = document.createElement("button");
    plus.type = "button";
    plus.textContent = "+";
    plus.setAttribute("aria-label", criterion.name + " 加");
    var unit = criterion.deduction ? 1 : criterion.step;
    var top = criterion.deduction ? Math.floor(criterion.max / criterion.step + 1e-9) : criterion.max;
    function nudge(direction) {
      var now = Number(normalise(field.value));
      // From empty, + starts at the bottom; − starts a score at its maximum (most boards score high)
      // and a deduction at none.
      if (field.value.trim() === "" || isNaN(now)) now = direction > 0 || criterion.deduction ? 0 : top + unit;
      var next = Math.min(top, Math.max(0, Math.round((now + direction * unit) / unit) * unit));
      field.value = numberText(next);
      refreshTotal();
    }
    minus.addEventListener("click", function () { nudge(-1); });
    plus.addEventListener("click", function () { nudge(1); });
    field.addEventListener("input", refreshTotal);
    [minus, field, plus].forEach(function (control) { control.disabled = !!closed; stepper.appendChild(control); });
    row.appendChild(title);
    row.appendChild(rule);
    row.appendChild(stepper);
    box.appendChild(row);
  });
  $("submit").disabled = !!closed;
  if (closed) $("entry-error").textContent = closed;
  refreshTotal();
  show("entry-view");
}

// The points typed on the entry's page, checked; errors by criterion.
function typedPoints() {
  var points = {};
  var errors = [];
  sheet.criteria.forEach(function (criterion) {
    var row = document.querySelector('.criterion[data-criterion="' + criterion.id + '"]');
    var text = row.querySelector("input").value;
    var result;
    if (criterion.deduction && normalise(text) !== "") {
      var count = Number(normalise(text));
      if (isNaN(count) || count < 0 || Math.round(count) !== count) {
        result = { error: "「" + criterion.name + "」填的是处数，「" + normalise(text) + "」不是整数。" };
      } else {
        result = checkPoints(criterion, numberText(count * criterion.step));
      }
    } else {
      result = checkPoints(criterion, text);
    }
    row.className = "criterion" + (result.error ? " bad" : "");
    if (result.error) errors.push(result.error);
    else points[String(criterion.id)] = result.value;
  });
  return { points: points, errors: errors };
}

function refreshTotal() {
  var typed = typedPoints();
  var total = 0;
  var complete = true;
  sheet.criteria.forEach(function (criterion) {
    var value = typed.points[String(criterion.id)];
    if (value === null || value === undefined) { if (!criterion.deduction) complete = false; return; }
    total += criterion.deduction ? -value : value;
  });
  $("total").textContent = typed.errors.length ? "—" : numberText(Math.max(0, total)) + (complete ? "" : "（未评完）");
  $("entry-error").textContent = typed.errors[0] || "";
}

function submitEntry() {
  var entry = currentEntry;
  var typed = typedPoints();
  if (typed.errors.length) { $("entry-error").textContent = typed.errors[0]; return; }
  var base = pointsOf(entry);
  var changed = {};
  var baseOfChanged = {};
  Object.keys(typed.points).forEach(function (key) {
    var before = base[key] === undefined ? null : base[key];
    if (typed.points[key] !== before) { changed[key] = typed.points[key]; baseOfChanged[key] = before; }
  });
  delete refused[entry.id];
  if (Object.keys(changed).length) {
    queue.push({ id: newId(), entry: entry.id, points: changed, base: baseOfChanged, label: label(entry).name });
    save(queueKey, queue);
  }
  renderList();
  show("list-view");
  flush();
}

function flush() {
  if (flushing || !queue.length) { updateSync(); return Promise.resolve(); }
  flushing = true;
  var item = queue[0];
  return api("POST", "/api/j/" + secret + "/scores", item).then(function (answer) {
    if (answer.status === 200) {
      queue.shift();
      if (answer.data.conflicts) notice("「" + item.label + "」" + answer.data.message);
    } else if (answer.status === 422) {
      queue.shift();
      refused[item.entry] = answer.data.error;
      notice("「" + item.label + "」未被接受：" + answer.data.error);
    } else if (answer.status === 404) {
      fatal(answer.data.error);
      throw new Error("refused");
    } else {
      throw new Error("later");  // busy (409), too many tries (429), server trouble: sent again later
    }
    save(queueKey, queue);
    flushing = false;
    if (queue.length) return flush();
    return loadSheet();
  }).catch(function () {
    flushing = false;
    updateSync();
    if (sheet) renderList();
  });
}

function fatal(message) {
  $("fatal").textContent = message;
  $("fatal").hidden = false;
  ["pin-view", "list-view", "entry-view"].forEach(function (name) { $(name).hidden = true; });
}

function loadSheet() {
  return api("GET", "/api/j/" + secret + "/sheet").then(function (answer) {
    if (answer.status === 200) {
      sheet = answer.data;
      save(sheetKey, sheet);
      if (!$("entry-view").hidden) return;
      renderList();
      show("list-view");
    } else if (answer.status === 404 || answer.status === 429) {
      fatal(answer.data.error);
    }
  }, function () {
    if (!sheet) sheet = load(sheetKey, null);
    if (sheet && $("entry-view").hidden) { renderList(); show("list-view"); }
    if (!sheet) fatal("连不上评分电脑：请确认手机连着学校的 Wi-Fi，然后刷新本页。");
  });
}

function handIn() {
  if (queue.length) { notice("还有 " + queue.length + " 条分数待同步，发送成功后才能提交并锁定。"); flush(); return; }
  if (!window.confirm("提交并锁定后，你不能再修改这张评分表。确定吗？")) return;
  api("POST", "/api/j/" + secret + "/hand-in").then(function (answer) {
    notice(answer.data.message || answer.data.error || "");
    return loadSheet();
  }, function () { notice("连不上评分电脑，请稍后再试。"); });
}

function startPin() {
  show("pin-view");
  $("pin-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("pin-error").textContent = "";
    api("POST", "/api/pin", { pin: normalise($("pin").value) }).then(function (answer) {
      if (answer.status === 200) location.href = "/j/" + answer.data.secret;
      else $("pin-error").textContent = answer.data.error || "评分码不正确。";
    }, function () { $("pin-error").textContent = "连不上评分电脑，请确认手机连着学校的 Wi-Fi。"; });
  });
}

function start() {
  if (!secret) { startPin(); return; }
  queue = load(queueKey, []);
  $("back").addEventListener("click", function () { renderList(); show("list-view"); });
  $("submit").addEventListener("click", submitEntry);
  $("resend").addEventListener("click", function () { flush(); });
  $("hand-in").addEventListener("click", handIn);
  window.addEventListener("online", function () { flush(); });
  setInterval(function () { if (queue.length) flush(); }, 4000);
  setInterval(function () { if (!queue.length && !$("list-view").hidden) loadSheet(); }, 15000);
  updateSync();
  loadSheet().then(function () { flush(); });
}

start();
