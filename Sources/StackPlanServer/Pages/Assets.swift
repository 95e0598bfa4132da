/// The stylesheet and the script, served from the binary under `/assets/`.
enum Assets {
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d232a; background: #fff; }
        header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
          padding: 0.6rem 1.5rem; background: #1f3a5f; }
        header a { color: #fff; margin-right: 1rem; font-weight: 600; text-decoration: none; }
        header label { color: #fff; }
        main { padding: 1rem 1.5rem 3rem; max-width: 110rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
        th, td { border: 1px solid #ccd3db; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #eef2f6; white-space: nowrap; }
        th a { color: inherit; }
        .d { white-space: nowrap; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .scroll { overflow-x: auto; }
        .scroll td { white-space: nowrap; }
        caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
        .warning { border: 2px solid #b3261e; background: #fdecea; padding: 0.5rem 1rem; margin-bottom: 1rem; }
        .warning pre { white-space: pre-wrap; }
        .figures { display: flex; flex-wrap: wrap; gap: 0.75rem; }
        .figures div { border: 1px solid #ccd3db; border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 9rem; }
        .figures dt { font-size: 0.85rem; color: #4a5562; }
        .figures dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
        .filter { margin: 0.5rem 0; }
        .count { color: #4a5562; font-size: 0.9rem; }
        .overdue { color: #b3261e; font-weight: 600; }
        .at-risk { color: #8a5a00; font-weight: 600; }
        .timeline svg { max-width: 100%; height: auto; }
        @media (max-width: 40rem) { main { padding: 0.75rem; } th, td { padding: 0.2rem 0.35rem; } }
        @media print { header, .filter { display: none; } }

        """

    /// The page icon (a small calendar mark), so browsers do not ask for a missing favicon.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="2" width="14" height="13" \
        rx="2" fill="#1f3a5f"/><rect x="3" y="6" width="10" height="7" fill="#fff"/></svg>

        """

    /// Filters a table's rows as you type in its filter box (the form still works without it).
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("input[data-filter]").forEach(function (input) {
            var table = document.getElementById(input.getAttribute("data-filter"));
            if (!table || !table.tBodies || !table.tBodies.length) { return; }
            input.addEventListener("input", function () {
              var needle = input.value.toLowerCase();
              Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
                row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) === -1;
              });
            });
          });
        });

        """
}
