// A judge's sheet on the phone. Scores go into a queue kept in the phone's storage first and are sent
// from there in order, so a score entered without a connection (or before a reload) is never lost;
// each carries an id made here, so sending it twice stores it once. The queue belongs to the judge and
// the competition, not to the card: when a card is revoked, the new card sends what the old one could
// not. Plain ES2017 for old in-app browsers (WeChat's among them).
"use strict";

var secret = (location.pathname.match(/^\/j\/([A-Za-z0-9_-]+)/) || [])[1] || "";
var linkKey = "fest-link-" + secret;   // which judge and competition this card is for
var owner = null;                      // {competition, judge} once known
var sheet = null;
var queue = [];
var refused = {};                      // entry id → {error, points} the PC refused
var currentEntry = null;
var sending = null;                    // the queue being sent, a promise
var revoked = false;
var timers = [];

function $(id) { return document.getElementById(id); }

function show(view) {
  ["pin-view", "list-view", "entry-view", "fatal-view"].forEach(function (name) { $(name).hidden = name !== view; });
  window.scrollTo(0, 0);
}

function load(key, fallback) {
  try { var text = localStorage.getItem(key); return text ? JSON.parse(text) : fallback; }
  catch (e) { return fallback; }
}

function save(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off: the queue lives on in memory */ }
}

function queueKey() { return owner ? "fest-queue-c" + owner.competition + "-j" + owner.judge : "fest-queue-" + secret; }
function sheetKey() { return "fest-sheet-c" + owner.competition + "-j" + owner.judge; }

// The judge and competition of this card are known: the queue kept for them (from any card of
// theirs, and what this card queued before it knew) is the one sent from now on.
function own(sheetData) {
  var known = { competition: sheetData.competition.id, judge: sheetData.judge.id };
  var before = queueKey();
  owner = known;
  save(linkKey, owner);
  if (before !== queueKey()) {
    var early = load(before, []);
    var mine = load(queueKey(), []);
    var ids = {};
    mine.forEach(function (item) { ids[item.id] = true; });
    queue = mine.concat(early.filter(function (item) { return !ids[item.id]; }));
    try { localStorage.removeItem(before); } catch (e) { /* nothing to tidy */ }
  }
  save(queueKey(), queue);
}

function newId() {
  var bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
}

// Like Python's "{:g}" for the values a rubric uses.
function numberText(value) { return String(Math.round(value * 10000) / 10000); }

// As the desk reads a number (scoring/entering.py): full-width digits and the ideographic full stop
// folded; nothing but ASCII digits, one point and a sign after that.
function normalise(text) {
  return String(text).trim()
    .replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
    .replace(/[。．]/g, ".").replace(/－/g, "-").replace(/＋/g, "+");
}
var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

// The desk's own checks (parse_points); the words of each refusal come with the criterion from the
// server (criterion.words, with {shown} where the typed value goes), so the page keeps no copy of them.
function refusal(criterion, which, shown) {
  return { error: criterion.words[which].split("{shown}").join(shown) };
}

function checkPoints(criterion, text) {
  var shown = normalise(text);
  if (shown === "") return { value: null };
  if (!NUMBER.test(shown)) return refusal(criterion, "not_number", shown);
  var value = Number(shown);
  if (!isFinite(value) || value < 0) return refusal(criterion, "negative", shown);
  if (value > criterion.max + 1e-9) return refusal(criterion, "over", shown);
  var cases = value / criterion.step;
  if (Math.abs(cases - Math.round(cases)) > 1e-6) return refusal(criterion, "off_step", shown);
  return { value: Math.round(value * 10000) / 10000 };
}

// A deduction is typed as a count of cases (处), and refused in that unit.
function checkCases(criterion, text) {
  var shown = normalise(text);
  if (shown === "") return { value: null };
  if (!/^\d+$/.test(shown)) return refusal(criterion, "cases_not_whole", shown);
  var count = Number(shown);
  if (count > criterion.most_cases) return refusal(criterion, "too_many_cases", String(count));
  return { value: Math.round(count * criterion.step * 10000) / 10000 };
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

// The sheet as the server sent it, the judge's own values where the desk's differ, and what still
// waits in the queue laid over it.
function pointsOf(entry) {
  var points = {};
  Object.keys(entry.points).forEach(function (key) { points[key] = entry.points[key]; });
  Object.keys(entry.conflicts || {}).forEach(function (key) { points[key] = entry.conflicts[key].phone; });
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
  $("resend").hidden = queue.length === 0 || revoked;
}

function notice(text) {
  $("notice").textContent = text;
  $("notice").hidden = !text;
}

var toastTimer = null;
function toast(text) {
  $("toast").textContent = text;
  $("toast").hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(function () { $("toast").hidden = true; }, 6000);
}


// Why nothing on the sheet can change now ("" when it can), as the server words it.
function closedReason() { return sheet ? sheet.closed || "" : ""; }

function entryClosed(entry) { return closedReason() || entry.closed || ""; }

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
    else if (Object.keys(entry.conflicts || {}).length) { badge.textContent = "待核对"; badge.className += " conflict"; }
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
  var points = pointsOf(entry);
  var kept = refused[entry.id];
  if (kept) Object.keys(kept.points).forEach(function (key) { points[key] = kept.points[key]; });
  var box = $("criteria");
  box.innerHTML = "";
  var closed = entryClosed(entry);
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
    rule.textContent = criterion.rule;
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
    var top = criterion.deduction ? criterion.most_cases : criterion.max;
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
    var problem = document.createElement("p");
    problem.className = "problem";
    problem.hidden = true;
    row.appendChild(title);
    row.appendChild(rule);
    row.appendChild(stepper);
    row.appendChild(problem);
    var conflict = (entry.conflicts || {})[String(criterion.id)];
    if (conflict) {
      var note = document.createElement("p");
      note.className = "conflict";
      note.textContent = conflict.text;
      row.appendChild(note);
    }
    box.appendChild(row);
  });
  $("entry-closed").textContent = closed;
  $("entry-closed").hidden = !closed;
  $("submit").disabled = !!closed;
  show("entry-view");
  refreshTotal();
  if (kept) {
    $("entry-error").textContent = "电脑没有接受上次提交：" + kept.error;
    var bad = firstBad();
    if (bad) bad.scrollIntoView({ block: "center" });
  }
}

function firstBad() { return document.querySelector(".criterion.bad"); }

// The points typed on the entry's page, checked; each criterion shows its own problem.
function typedPoints() {
  var points = {};
  var errors = [];
  sheet.criteria.forEach(function (criterion) {
    var row = document.querySelector('.criterion[data-criterion="' + criterion.id + '"]');
    var text = row.querySelector("input").value;
    var result = criterion.deduction ? checkCases(criterion, text) : checkPoints(criterion, text);
    row.className = "criterion" + (result.error ? " bad" : "");
    var problem = row.querySelector(".problem");
    problem.textContent = result.error || "";
    problem.hidden = !result.error;
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
  if (typed.errors.length) {
    $("entry-error").textContent = typed.errors[0];
    var bad = firstBad();
    bad.scrollIntoView({ block: "center" });
    bad.querySelector("input").focus({ preventScroll: true });
    return;
  }
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
    save(queueKey(), queue);
  }
  renderList();
  show("list-view");
  flush();
}

// The queued scores to the PC, first to last; what the PC refuses for good is taken off the queue and
// shown on its entry, what fails for now (no network, busy) stays for later. Resolves to whether the
// queue is empty; a call while sending joins the sending under way.
function flush() {
  if (sending) return sending;
  if (!queue.length || revoked) { updateSync(); return Promise.resolve(!queue.length); }
  sending = sendQueue().then(function (empty) { sending = null; return empty; });
  return sending;
}

function sendQueue() {
  var item = queue[0];
  return api("POST", "/api/j/" + secret + "/scores", item).then(function (answer) {
    if (answer.status === 200) {
      queue.shift();
      if (answer.data.conflicts) {
        var why = (answer.data.differences || []).map(function (d) { return d.text; }).join("；");
        notice("「" + item.label + "」" + (why ? "已提交；" + why + "。" : answer.data.message));
      }
    } else if (answer.status === 422 || answer.status === 409 || answer.status === 500) {
      queue.shift();
      refused[item.entry] = { error: answer.data.error || "电脑没有接受这份分数。", points: item.points };
      notice("「" + item.label + "」未被接受：" + refused[item.entry].error);
    } else if (answer.status === 404) {
      cardRevoked();
      throw new Error("revoked");
    } else {
      throw new Error("later");  // busy (503), too many at once, server trouble: sent again later
    }
    save(queueKey(), queue);
    if (queue.length) return sendQueue();
    return loadSheet().then(function () { return true; });
  }).catch(function () {
    updateSync();
    if (sheet && !revoked && !$("list-view").hidden) renderList();
    return false;
  });
}

function resend() {
  if (navigator.onLine === false) {
    toast("手机没有连上网络：" + queue.length + " 条分数还在手机上，连上学校的 Wi-Fi 后会自动发送。");
    return;
  }
  toast("正在发送……");
  flush().then(function (sent) {
    if (sent) toast("已全部发送。");
    else if (queue.length && !revoked) toast("连不上评分电脑：" + queue.length + " 条分数还在手机上，稍后会自动再发送。");
  });
}

function fatal(message) {
  $("fatal").textContent = message;
  show("fatal-view");
}

// A card the operator revoked: say so, stop asking, and keep what waits for the judge's new card.
function cardRevoked() {
  revoked = true;
  timers.forEach(clearInterval);
  $("toast").hidden = true;
  var waiting = queue.length ? "还没发送的 " + queue.length + " 条分数保存在这部手机上，用新评分卡打开后会自动发送。" : "";
  fatal("这个评分链接无效或已作废。请扫描管理员给你的新评分卡。" + waiting);
  updateSync();
}

function loadSheet() {
  return api("GET", "/api/j/" + secret + "/sheet").then(function (answer) {
    if (answer.status === 200) {
      sheet = answer.data;
      own(sheet);
      save(sheetKey(), sheet);
      if (!$("entry-view").hidden) return;
      renderList();
      show("list-view");
    } else if (answer.status === 404) {
      cardRevoked();
    }
  }, function () {
    if (!sheet && owner) sheet = load(sheetKey(), null);
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

// The page keeps itself for a reload without a network (the service worker); browsers allow that
// only on a secure address, so elsewhere the page asks before it is left with scores unsent.
function keepThePage() {
  var kept = false;
  if (navigator.serviceWorker && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () { kept = true; }, function () {});
  }
  window.addEventListener("beforeunload", function (event) {
    if (queue.length && !kept) { event.preventDefault(); event.returnValue = ""; }
  });
}

function start() {
  keepThePage();
  if (!secret) { startPin(); return; }
  owner = load(linkKey, null);
  queue = load(queueKey(), []);
  if (owner) sheet = load(sheetKey(), null);
  $("back").addEventListener("click", function () { renderList(); show("list-view"); });
  $("submit").addEventListener("click", submitEntry);
  $("resend").addEventListener("click", resend);
  $("hand-in").addEventListener("click", handIn);
  window.addEventListener("online", function () { flush(); });
  timers.push(setInterval(function () { if (queue.length) flush(); }, 4000));
  timers.push(setInterval(function () { if (!queue.length && !$("list-view").hidden) loadSheet(); }, 15000));
  updateSync();
  loadSheet().then(function () { flush(); });
}

start();
