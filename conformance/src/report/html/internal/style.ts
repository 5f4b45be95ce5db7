/**
 * The report's inline stylesheet (no external resources).
 * @internal
 * @module
 */

/** CSS of the HTML report. */
export const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#212121;background:#fafafa}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 8px;border-bottom:1px solid #ddd;padding-bottom:3px}
.meta{color:#555;margin:0 0 12px}.verdict{padding:10px 14px;border-radius:6px;font-weight:600}
.verdict.fail{background:#ffebee;border:1px solid #e53935}.verdict.pass{background:#e8f5e9;border:1px solid #43a047}
.verdict.other{background:#fff8e1;border:1px solid #ffb300}.expl{font-weight:400;margin-top:6px}
.figures{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}
figure.swimlane{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px;overflow-x:auto;max-width:100%}
figcaption{font-weight:600;margin-bottom:4px}figure.observed figcaption{color:#b71c1c}figure.expected figcaption{color:#1b5e20}
svg text{font-family:ui-monospace,Menlo,Consolas,monospace}.step-no{font-size:10px;fill:#555}.step-op{font-size:10px;fill:#000}
.diverge-label .step-no,.diverge-label .step-op{fill:#c62828;font-weight:700}
.lane-name{font-size:13px;font-weight:700}.lane line{stroke:#eceff1}.st{font-size:11px;font-weight:700}.sub{font-size:10px}
.ret{font-size:10px;font-weight:700;fill:#0d47a1}rect.diverge{fill:#ffcdd2;opacity:.55}
.arrow{fill:none;stroke-width:2}.arrow.push{stroke:#1a237e}.arrow.wake{stroke:#00838f;stroke-dasharray:4 3}
table{border-collapse:collapse;background:#fff}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
tr.diff td{background:#fff3e0}tr.diff td.obs{color:#b71c1c;font-weight:700}
pre{background:#263238;color:#eceff1;padding:10px 12px;border-radius:6px;overflow-x:auto;font-size:12px}
.rule{margin:6px 0}.rule code{font-weight:700}.legend span{display:inline-block;margin-right:14px}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-1px;margin-right:4px}
.cell.differs .st,.cell.differs .sub{fill:#b71c1c}.annot-text{font-size:10px;fill:#6a1b9a}.annot.failed .cell.differs .st,.cell.differs .sub{fill:#b71c1c}.annot-text{fill:#d50000;font-weight:700}
button.copy{margin:-4px 0 8px;padding:2px 10px;border:1px solid #90a4ae;border-radius:4px;background:#fff;cursor:pointer}
.filters label{margin-right:10px}.rule a[title],td a[title]{text-decoration:underline dotted}
`;
