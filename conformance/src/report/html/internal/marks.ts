/**
 * What both report pages draw on top of the swimlanes: the tasks that differ at the diverging step, the trace's
 * annotations per step, the legend of every glyph and colour, and the page script (scroll to the divergence, copy
 * buttons, result filters).
 * @internal
 * @module
 */
import type { StepObservation } from '@umcg/spec';
import type { Trace } from '../../../trace/types.js';
import { diffRows } from './diff.js';

/** Tasks whose fields differ between the two observations (every task when `killed` differs). */
export function differingTasks(a: StepObservation | undefined, b: StepObservation | undefined): Set<string> {
  if (a === undefined || b === undefined) return new Set();
  const rows = diffRows(a, b).filter((r) => r.differs);
  if (rows.some((r) => r.task === 'process'))
    return new Set([...Object.keys(a.tasks), ...Object.keys(b.tasks)]);
  return new Set(rows.map((r) => r.task));
}

/** The trace's annotation (expectation atoms) of each step. */
export const annotationsOf = (trace: Trace): (readonly string[] | undefined)[] =>
  trace.steps.map((s) => s.expect);

/** The legend: every colour and glyph of the diagrams. */
export const LEGEND =
  '<p class="legend"><span><i class="sw" style="background:#66bb6a"></i>RUNNING</span><span><i class="sw" style="background:#ffca28"></i>RUNNABLE</span>' +
  '<span><i class="sw" style="background:#ef5350"></i>BLOCKED</span><span><i class="sw" style="background:#cfd8dc"></i>NONE</span>' +
  '<span>pale = asleep in the kernel (zz)</span><span>black outline = the acting task</span>' +
  '<span><i class="sw" style="border:3px solid #d50000"></i>red outline = differs from the other diagram at the divergence</span>' +
  '<span><i class="sw" style="background:#ffcdd2"></i>red column = the diverging step</span>' +
  '<span>solid arrow = list push</span><span>dashed arrow = wake</span><span>→X = call returned X</span>' +
  "<span>✎ = the trace's own annotation of the step (red: it is what failed)</span><span>#n = step n, counted from 1 as in the trace text</span></p>";

/** A copy button for `text` (the page script wires it). */
export const copyButton = (escaped: string): string =>
  `<button type="button" class="copy" data-copy="${escaped}">Copy</button>`;

/**
 * The page script: scrolls the first differing cell (else the diverging column) into view and records whether it
 * is visible and highlighted (`data-diverge-in-view`, `data-diverge-highlighted` on <html>, read by the tests);
 * wires copy buttons and the status filters of the results table.
 */
export const SCRIPT = `<script>
(function(){
  var d=document.documentElement;
  d.dataset.lanes=String(document.querySelectorAll('g.lane').length);
  var cell=document.querySelector('figure.observed g.cell.differs')||document.querySelector('g.cell.differs')||document.querySelector('rect.diverge');
  if(cell){
    var fig=cell.closest('figure');
    if(fig)fig.scrollIntoView({block:'center'});
    cell.scrollIntoView({block:'center',inline:'center'});
    var r=cell.getBoundingClientRect();
    d.dataset.divergeInView=String(r.top>=0&&r.left>=0&&r.bottom<=innerHeight&&r.right<=innerWidth&&r.width>0);
    var rect=cell.querySelector('rect');
    d.dataset.divergeHighlighted=String(!!rect&&rect.getAttribute('stroke')==='#d50000');
  }
  document.querySelectorAll('button.copy').forEach(function(b){b.addEventListener('click',function(){
    navigator.clipboard.writeText(b.dataset.copy).then(function(){b.textContent='Copied';setTimeout(function(){b.textContent='Copy'},1500)});
  })});
  var boxes=document.querySelectorAll('input.filter');
  boxes.forEach(function(x){x.addEventListener('change',function(){
    var on={};boxes.forEach(function(y){on[y.value]=y.checked});
    document.querySelectorAll('tr.result').forEach(function(tr){tr.style.display=on[tr.dataset.status]===false?'none':''});
  })});
})();
</script>`;
