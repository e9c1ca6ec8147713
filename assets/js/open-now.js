// "Open now": whether a line is open at this moment, worked out on the device in UK time
// (Europe/London, summer time included) from the hours written into the page as a code:
// "24/7", or "mon,tue 09:00-17:00;sat 22:00-02:00" where a closing time before the opening
// time runs past midnight. Without this script the hours are still shown as text.
const DAY = 1440;
const WEEK = 7 * DAY;
const DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

function minutes(hhmm) {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

// Opening spans as [start, end) in minutes from Monday 00:00, or "always".
export function parseHours(code) {
  if (code === "24/7") return "always";
  const spans = [];
  for (const part of code.split(";")) {
    const [days, times] = part.trim().split(" ");
    const [opens, closes] = times.split("-").map(minutes);
    for (const day of days.split(",")) {
      const start = DAY_CODES.indexOf(day) * DAY + opens;
      spans.push([start, start + closes - opens + (closes <= opens ? DAY : 0)]);
    }
  }
  return spans;
}

// Minutes since Monday 00:00 on a London clock at the moment `now`.
export function londonMinutes(now) {
  const parts = {};
  for (const part of LONDON.formatToParts(now)) parts[part.type] = part.value;
  return WEEKDAYS.indexOf(parts.weekday) * DAY + Number(parts.hour) * 60 + Number(parts.minute);
}

// {always} | {open: true, now, closes} | {open: false, now, opens}; times in week minutes.
export function openingStatus(code, now) {
  const spans = parseHours(code);
  if (spans === "always") return { always: true, open: true };
  const t = londonMinutes(now);
  // Copies a week either side, so Sunday night runs into Monday morning and back.
  const all = spans.flatMap(([s, e]) => [[s - WEEK, e - WEEK], [s, e], [s + WEEK, e + WEEK]])
    .sort((a, b) => a[0] - b[0]);
  const current = all.find(([s, e]) => s <= t && t < e);
  if (current) {
    let closes = current[1];
    for (const [s, e] of all) if (s <= closes && e > closes) closes = e;  // shifts that meet
    return { open: true, now: t, closes };
  }
  const next = all.find(([s]) => s > t);
  return { open: false, now: t, opens: next ? next[0] : null };
}

export function clock(dayMinutes) {
  const hour = Math.floor(dayMinutes / 60), minute = dayMinutes % 60;
  if (minute === 0 && hour === 0) return "midnight";
  if (minute === 0 && hour === 12) return "midday";
  const h12 = hour % 12 || 12, suffix = hour < 12 ? "am" : "pm";
  return minute ? `${h12}:${String(minute).padStart(2, "0")}${suffix}` : `${h12}${suffix}`;
}

function when(target, now, text) {
  let days = Math.floor(target / DAY) - Math.floor(now / DAY);
  const time = ((target % DAY) + DAY) % DAY;
  if (time === 0 && days === 1) days = 0;  // "today at midnight", not "tomorrow at midnight"
  const day = days === 0 ? text.today : days === 1 ? text.tomorrow
    : text.days[((Math.floor(target / DAY) % 7) + 7) % 7];
  return `${day} ${text.at} ${clock(time)}`;
}

// The sentence a person reads, in the wording passed from the locale file.
export function describe(status, text) {
  if (status.always) return text.open_always;
  if (status.open) return text.open_now.replace("{when}", when(status.closes, status.now, text));
  if (status.opens === null) return "";
  return text.closed_now.replace("{when}", when(status.opens, status.now, text));
}

// The wording the page's scripts show: every page's, on <body>, and that of a part with its
// own (the search page's form: signpost/render.py's EVERY_PAGE_TEXT says which is which).
export const TEXT = Object.assign({}, ...[...document.querySelectorAll("[data-i18n]")]
  .map((element) => JSON.parse(element.dataset.i18n)));

export function showOpening(element, code, now = new Date()) {
  element.textContent = code ? describe(openingStatus(code, now), TEXT) : "";
}

for (const element of document.querySelectorAll('[data-module="app-open-now"]')) {
  showOpening(element, element.dataset.hours);
}
