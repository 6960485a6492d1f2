// Pointage — the clerk's desk: keyboard shortcuts and the candidate search of the assignment
// form. Plain script, no library; every value from the server is inserted as text.
'use strict';

function typing(event) {
  const t = event.target;
  return t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
}

function submitForm(id) {
  const form = document.getElementById(id);
  if (form) form.requestSubmit();
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
  const go = {
    '/': () => document.getElementById('recherche')?.focus(),
    'a': () => document.getElementById('candidat')?.focus(),
    'e': () => submitForm('ecarter'),
    'u': () => submitForm('annuler'),
    'n': () => { const next = document.getElementById('suivante'); if (next) next.click(); },
  }[event.key] ?? (/^[1-9]$/.test(event.key) ? () => submitForm('piece-' + event.key) : null);
  if (go) { event.preventDefault(); go(); }
});

function setupSearch(input) {
  const list = document.getElementById('choix');
  let timer = null;
  let items = [];
  let selected = -1;

  function show() {
    list.replaceChildren();
    items.forEach((c, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === selected ? 'true' : 'false');
      li.textContent = c.numero + ' — ' + c.nom + ' (' + c.etablissement + ', ' + c.etat + ')';
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(i); });
      list.appendChild(li);
    });
  }
  function choose(i) {
    input.value = items[i].numero;
    items = [];
    selected = -1;
    show();
  }
  async function search() {
    const q = input.value.trim();
    if (q.length < 2) { items = []; show(); return; }
    const response = await fetch(input.dataset.cherche + '?q=' + encodeURIComponent(q),
                                 {credentials: 'same-origin'});
    if (!response.ok) return;
    items = await response.json();
    selected = items.length ? 0 : -1;
    show();
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 150); });
  input.addEventListener('keydown', (event) => {
    if (!items.length) return;
    if (event.key === 'ArrowDown') { selected = Math.min(items.length - 1, selected + 1); show(); event.preventDefault(); }
    else if (event.key === 'ArrowUp') { selected = Math.max(0, selected - 1); show(); event.preventDefault(); }
    else if (event.key === 'Enter' && selected >= 0 && !/^\d{10,11}$/.test(input.value.trim())) { choose(selected); event.preventDefault(); }
    else if (event.key === 'Escape') { items = []; show(); }
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const input = document.getElementById('candidat');
  if (input) setupSearch(input);
  document.querySelectorAll('button.suggestion').forEach((b) => {
    b.addEventListener('click', () => {
      if (input) { input.value = b.dataset.numero; input.focus(); }
    });
  });
});
