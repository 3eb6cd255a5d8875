// The placement page: views, the loupe at print size with its calibration and before/after divider, shortcuts.
// Plain JS, no build step.
'use strict';

// A tier below its tested minimum shows its warning and the box that confirms it (the server refuses it unticked).
const tierSelect = document.getElementById('tier');
const tierIsBelowMinimum = () =>
  !!(tierSelect && tierSelect.selectedOptions[0] && tierSelect.selectedOptions[0].dataset.below === 'true');
if (tierSelect) {
  const warn = () => { document.getElementById('below-minimum-warning').hidden = !tierIsBelowMinimum(); };
  tierSelect.addEventListener('change', warn);
  warn();
}

// Switch between the art and its views without a reload; the images load when first shown.
const viewButtons = document.querySelectorAll('nav.views button');
function showView(name) {
  viewButtons.forEach(b => b.classList.toggle('on', b.dataset.view === name));
  document.querySelectorAll('.view').forEach(v => { v.hidden = v.dataset.view !== name; });
  if (name === 'loupe') loupe.open();
}
viewButtons.forEach(button => button.addEventListener('click', () => showView(button.dataset.view)));

// ---- Calibration: how many CSS pixels make a real millimetre on this screen -------------------------------------
// A CSS inch is 96 px by definition (CSS Values 4, absolute lengths), not a measured inch, so a screen's true scale is
// taken from something everyone has: an ID-1 card (ISO/IEC 7810: 85.60 mm x 53.98 mm), matched by eye on screen.
const CARD_WIDTH_MM = 85.60;
const CARD_HEIGHT_MM = 53.98;
const CSS_PX_PER_MM = 96 / 25.4;
const CALIBRATION_KEY = 'platen.review.pxPerMm';

const calibration = {
  saved() {
    const value = parseFloat(localStorage.getItem(CALIBRATION_KEY));
    return Number.isFinite(value) && value > 0 ? value : null;
  },
  pxPerMm() { return this.saved() || CSS_PX_PER_MM; },
  describe() {
    const saved = this.saved();
    return saved
      ? `Calibrated: ${saved.toFixed(3)} px per mm (a card ${(saved * CARD_WIDTH_MM).toFixed(1)} px wide).`
      : `Not calibrated: the browser's 96 px inch (${CSS_PX_PER_MM.toFixed(3)} px per mm) is seldom a real inch.`;
  }
};

// ---- The loupe: the picture at the size it prints, zoomed and panned -----------------------------------------------
const loupe = (() => {
  const box = document.getElementById('loupe');
  if (!box) return { open() {}, zoomBy() {}, printSize() {}, recalibrated() {} };
  const stages = box.querySelectorAll('.stage');
  const after = document.getElementById('loupe-after');
  const before = document.getElementById('loupe-before');
  const beforeClip = document.getElementById('loupe-before-clip');
  const divider = document.getElementById('loupe-divider');
  const compare = document.getElementById('loupe-compare');
  const zoomOut = document.getElementById('loupe-zoom-out');
  const zoomText = document.getElementById('loupe-zoom');
  const status = document.getElementById('calibration-status');
  const d = box.dataset;
  const printWidthMm = parseFloat(d.printWidthIn) * 25.4;
  const printHeightMm = parseFloat(d.printHeightIn) * 25.4;
  const sourceWidthPx = parseInt(d.widthPx, 10);
  // zoom 1 is print size; pan is where the picture's top left sits in the loupe, in CSS px
  let zoom = 1, panX = 0, panY = 0, split = 0.5, opened = false, requestedWidth = 0;
  const MIN_ZOOM = 0.05, MAX_ZOOM = 16;
  status.textContent = calibration.describe();

  function widthPx() { return printWidthMm * calibration.pxPerMm() * zoom; }
  function heightPx() { return printHeightMm * calibration.pxPerMm() * zoom; }

  // Ask for enough of the proof's pixels for the size shown (the endpoint takes width up to 4096 and never
  // enlarges), in steps of 512 px so that zooming reuses what the browser has cached.
  function sharpen() {
    if (d.source !== 'proof') {
      if (!after.src) after.src = d.src;
      return;
    }
    const wanted = Math.min(sourceWidthPx, 4096,
      Math.max(256, Math.ceil(widthPx() * (window.devicePixelRatio || 1) / 512) * 512));
    if (wanted > requestedWidth) {
      requestedWidth = wanted;
      after.src = d.src + '?width=' + wanted;
    }
  }

  function draw() {
    stages.forEach(stage => {
      stage.style.width = widthPx() + 'px';
      stage.style.height = heightPx() + 'px';
      stage.style.transform = `translate(${panX}px, ${panY}px)`;
    });
    const splitPx = split * box.clientWidth;
    beforeClip.style.width = splitPx + 'px';
    divider.style.left = splitPx + 'px';
    divider.setAttribute('aria-valuenow', Math.round(split * 100));
    divider.setAttribute('aria-valuetext', `${Math.round(split * 100)} % art, the rest the proof`);
    zoomText.textContent = `${Math.round(zoom * 100)} % of print size`;
    zoomOut.disabled = zoom <= MIN_ZOOM;
    status.textContent = calibration.describe();
    sharpen();
  }

  // Zoom about a point of the loupe (its centre unless the wheel says where), keeping that point of the picture put.
  function zoomTo(next, atX = box.clientWidth / 2, atY = box.clientHeight / 2) {
    next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
    panX = atX - (atX - panX) * next / zoom;
    panY = atY - (atY - panY) * next / zoom;
    zoom = next;
    draw();
  }
  function centre() {
    panX = (box.clientWidth - widthPx()) / 2;
    panY = (box.clientHeight - heightPx()) / 2;
  }
  function printSize() { zoom = 1; centre(); draw(); }
  function fit() {
    const pxPerMm = calibration.pxPerMm();
    zoom = Math.min(box.clientWidth / (printWidthMm * pxPerMm), box.clientHeight / (printHeightMm * pxPerMm));
    centre();
    draw();
  }

  document.getElementById('loupe-zoom-in').addEventListener('click', () => zoomTo(zoom * 1.25));
  zoomOut.addEventListener('click', () => zoomTo(zoom / 1.25));
  document.getElementById('loupe-print-size').addEventListener('click', printSize);
  document.getElementById('loupe-fit').addEventListener('click', fit);
  box.addEventListener('wheel', event => {
    event.preventDefault();
    const r = box.getBoundingClientRect();
    zoomTo(zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1), event.clientX - r.left, event.clientY - r.top);
  }, { passive: false });

  // Pan by dragging the picture; the divider drags on its own.
  let drag = null;
  box.addEventListener('pointerdown', event => {
    if (event.target === divider) return;
    drag = { x: event.clientX - panX, y: event.clientY - panY };
    box.setPointerCapture(event.pointerId);
    box.classList.add('dragging');
  });
  box.addEventListener('pointermove', event => {
    if (!drag) return;
    panX = event.clientX - drag.x;
    panY = event.clientY - drag.y;
    draw();
  });
  const endDrag = () => { drag = null; box.classList.remove('dragging'); };
  box.addEventListener('pointerup', endDrag);
  box.addEventListener('pointercancel', endDrag);
  box.addEventListener('keydown', event => {
    const step = event.shiftKey ? 100 : 20;
    const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (event.target !== box || !moves[event.key]) return;
    event.preventDefault();
    panX += moves[event.key][0];
    panY += moves[event.key][1];
    draw();
  });

  // Before/after: the art to the left of the divider, the proof to the right, over the same crop and zoom.
  if (compare) {
    compare.addEventListener('click', () => {
      const on = compare.getAttribute('aria-pressed') !== 'true';
      compare.setAttribute('aria-pressed', String(on));
      beforeClip.hidden = !on;
      divider.hidden = !on;
      if (on && !before.src) before.src = d.beforeSrc;
      draw();
    });
  }
  divider.addEventListener('pointerdown', event => {
    event.preventDefault();
    divider.setPointerCapture(event.pointerId);
    const move = e => {
      const r = box.getBoundingClientRect();
      split = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
      draw();
    };
    const stop = () => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', stop);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', stop);
  });
  divider.addEventListener('keydown', event => {
    const step = event.shiftKey ? 0.1 : 0.02;
    const to = { ArrowLeft: split - step, ArrowRight: split + step, Home: 0, End: 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    split = Math.min(1, Math.max(0, to));
    draw();
  });
  window.addEventListener('resize', () => opened && draw());

  return {
    open() { if (!opened) { opened = true; printSize(); } else { draw(); } },
    zoomBy(factor) { if (opened) zoomTo(zoom * factor); },
    printSize() { if (opened) printSize(); },
    // a new calibration changes what 100 % is: said at once, and the picture goes back to print size
    recalibrated() { status.textContent = calibration.describe(); if (opened) printSize(); }
  };
})();

// ---- The calibration card: drag its corner (or type its width) until it matches a real card ------------------------
(() => {
  const panel = document.getElementById('calibration');
  if (!panel) return;
  const toggle = document.getElementById('calibrate-open');
  const outline = document.getElementById('card-outline');
  const handle = document.getElementById('card-handle');
  const widthInput = document.getElementById('card-width');
  let cardWidth = calibration.pxPerMm() * CARD_WIDTH_MM;
  const show = () => {
    outline.style.width = cardWidth + 'px';
    outline.style.height = cardWidth * CARD_HEIGHT_MM / CARD_WIDTH_MM + 'px';
    widthInput.value = cardWidth.toFixed(1);
  };
  const resize = px => { cardWidth = Math.min(1600, Math.max(100, px)); show(); };
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    cardWidth = calibration.pxPerMm() * CARD_WIDTH_MM;
    show();
  });
  handle.addEventListener('pointerdown', event => {
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const from = { x: event.clientX, width: cardWidth };
    const move = e => resize(from.width + e.clientX - from.x);
    const stop = () => { handle.removeEventListener('pointermove', move); handle.removeEventListener('pointerup', stop); };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
  });
  handle.addEventListener('keydown', event => {
    const step = event.shiftKey ? 10 : 1;
    const by = { ArrowRight: step, ArrowDown: step, ArrowLeft: -step, ArrowUp: -step }[event.key];
    if (by === undefined) return;
    event.preventDefault();
    resize(cardWidth + by);
  });
  widthInput.addEventListener('input', () => {
    const px = parseFloat(widthInput.value);
    if (Number.isFinite(px) && px >= 100 && px <= 1600) {
      cardWidth = px;
      outline.style.width = px + 'px';
      outline.style.height = px * CARD_HEIGHT_MM / CARD_WIDTH_MM + 'px';
    }
  });
  document.getElementById('calibration-save').addEventListener('click', () => {
    localStorage.setItem(CALIBRATION_KEY, String(cardWidth / CARD_WIDTH_MM));
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    loupe.recalibrated();
  });
  document.getElementById('calibration-forget').addEventListener('click', () => {
    localStorage.removeItem(CALIBRATION_KEY);
    cardWidth = CSS_PX_PER_MM * CARD_WIDTH_MM;
    show();
    loupe.recalibrated();
  });
})();

// ---- Shortcuts: one key per action, never while typing; a confirmation the form needs is still needed ------------
const shortcuts = document.getElementById('shortcuts');
document.getElementById('shortcuts-open').addEventListener('click', () => shortcuts.showModal());

function printAtTier() {
  const form = document.getElementById('choose-tier');
  if (!form) return;
  if (!tierSelect.value) { tierSelect.focus(); return; }
  const confirmed = document.getElementById('below-minimum-confirmed');
  if (tierIsBelowMinimum() && !confirmed.checked) {
    // the same rule the server keeps: a tier below its tested minimum needs its box ticked first
    document.getElementById('below-minimum-warning').hidden = false;
    confirmed.focus();
    return;
  }
  form.requestSubmit();
}

// Ctrl+Enter in a note sends its form: the shortcut to ask for new art lands in its note, which is required.
document.querySelectorAll('form textarea').forEach(area => area.addEventListener('keydown', event => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    area.form.requestSubmit();
  }
}));

document.addEventListener('keydown', event => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (target.closest && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
  if (shortcuts.open && event.key !== '?') return;
  const approve = document.getElementById('approve-proof');
  switch (event.key) {
    case 'a':
      if (approve) approve.click();
      break;
    case 'r': {
      const note = document.getElementById('new-art-note');
      if (note) { note.scrollIntoView({ block: 'center' }); note.focus(); event.preventDefault(); }
      break;
    }
    case 'x': {
      // reject: not printed at all; the reason is required, so the key lands in it as "r" does in the shop's note
      const reason = document.getElementById('reject-note');
      if (reason) { reason.scrollIntoView({ block: 'center' }); reason.focus(); event.preventDefault(); }
      break;
    }
    case 'p':
      printAtTier();
      break;
    case 'n':
    case 'j':
      window.location.href = document.getElementById('next-in-queue').href;
      break;
    case '+':
    case '=':
      loupe.zoomBy(1.25);
      break;
    case '-':
      loupe.zoomBy(1 / 1.25);
      break;
    case '0':
      loupe.printSize();
      break;
    case '?':
      if (shortcuts.open) shortcuts.close(); else shortcuts.showModal();
      break;
    default:
      return;
  }
});
