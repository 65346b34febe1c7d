// -- answers of the first site (schema 1): what the sheet says about them ----
// Schema-1 answers of a version the frozen table does not know (older than
// the table): never mapped onto this form, but offered as a file.
function versionNotice(ws) {
  const prefix = `${PREFIX}${ws.id}:`;
  const old = legacyKeys(ws)
    .filter((key) => !own(ws.legacy || {}, legacyMatch(key)[2]))
    .map((key) => ({ key, version: key.slice(prefix.length) }));
  if (!old.length) return;
  const notice = element("div", "ws-notice");
  notice.append(element(
    "p",
    "",
    t("This worksheet has changed since you last filled it in this browser. Your earlier " +
      "answers are kept, but they are not filled in here because the items are different. " +
      "Download them to keep a copy."),
  ));
  const actions = element("p", "ws-notice-actions");
  for (const { key, version } of old) {
    const label = old.length > 1 ? t("Download earlier answers (version {version})", { version }) : t("Download earlier answers");
    actions.append(button(label, () => {
      const record = readLegacy(key);
      if (record === null || record === undefined) return say(ws, t("Those earlier answers are no longer in this browser."), true);
      const safe = version.replace(/[^a-zA-Z0-9_-]+/g, "-");
      download(`${ws.id}-answers-${safe}.json`, JSON.stringify(record ?? null, null, 2) + "\n");
      say(ws, t("Your earlier answers were saved to a file."));
    }), " ");
  }
  actions.append(button(t("Delete earlier answers"), () => {
    if (!window.confirm(t("Delete the earlier answers kept in this browser? This cannot be undone."))) return;
    for (const { key } of old) removeKey(key);
    notice.remove();
    say(ws, t("The earlier answers were deleted from this browser."));
  }));
  notice.append(actions);
  ws.tools.append(notice);
}

// A sheet kept more strictly now than when its answers were kept on this
// device: they stay there until the reader chooses. Say so once, quietly.
function keptOnDeviceNotice(ws) {
  const known = legacyKeys(ws).filter((key) => own(ws.legacy || {}, legacyMatch(key)[2]));
  if (!known.length) return;
  const notice = element("div", "ws-notice");
  const now = {
    device: t("This sheet now keeps answers on this device."),
    tab: t("This sheet now keeps answers until you close this tab."),
    nothing: t("This sheet now keeps answers nowhere."),
  };
  notice.append(element("p", "", t("Your earlier answers to this sheet are kept on this device, " +
    "where anyone using this browser can read them.") + " " + now[levelOf(ws)]));
  const actions = element("p", "ws-notice-actions");
  const done = (message) => {
    notice.remove();
    say(ws, message);
  };
  actions.append(button(t("Keep them only in this tab"), () => {
    if (levelOf(ws) !== "nothing") migrate(ws);
    if (levelOf(ws) === "nothing" || known.some((key) => readKey(key, "device") !== null)) {
      return say(ws, t("They could not be moved, so they stay on this device."), true);
    }
    restore(ws, true);
    carryHistory(ws);
    drawProgress(ws);
    showSummary(ws);
    done(t("Your earlier answers are now kept only until you close this tab, and are back in the form."));
  }), " ", button(t("Remove them"), () => {
    known.forEach(removeKey);
    done(t("Your earlier answers were removed from this device."));
  }));
  notice.append(actions);
  ws.tools.append(notice);
}
