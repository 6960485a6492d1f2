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
    's': () => submitForm('signee'),
    'r': () => submitForm('non-signee'),
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

// Screen 6: a file dropped on an upload form goes into its file input and the form is sent
// (the input itself stays usable from the keyboard).
function setupDrop(form) {
  const input = form.querySelector('input[type=file]');
  form.addEventListener('dragover', (e) => { e.preventDefault(); form.classList.add('survol'); });
  form.addEventListener('dragleave', () => form.classList.remove('survol'));
  form.addEventListener('drop', (e) => {
    e.preventDefault();
    form.classList.remove('survol');
    if (!input || !e.dataTransfer || !e.dataTransfer.files.length) return;
    input.files = e.dataTransfer.files;
    form.requestSubmit();
  });
}

// Screen 6: the scan reading's progress, polled while it runs. The server renders the box's
// HTML (every value escaped there); the script only swaps it in.
function setupProgress(box) {
  async function poll() {
    let p = null;
    try {
      const response = await fetch(box.dataset.suivi, {credentials: 'same-origin', cache: 'no-store'});
      if (response.ok) p = await response.json();
    } catch (e) { p = null; }
    if (p) {
      const template = document.createElement('template');
      template.innerHTML = p.html;
      box.replaceChildren(template.content);
      box.dataset.etat = p.etat;
      document.querySelectorAll('#form-dossier button, #envoyer-pdf').forEach((b) => {
        b.disabled = p.etat === 'en-cours';
      });
    }
    if (!p || p.etat === 'en-cours') setTimeout(poll, 500);
  }
  if (box.dataset.etat === 'en-cours') poll();
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('form.depot').forEach(setupDrop);
  const progress = document.getElementById('numerisation');
  if (progress) setupProgress(progress);
  const input = document.getElementById('candidat');
  if (input) setupSearch(input);
  document.querySelectorAll('button.suggestion').forEach((b) => {
    b.addEventListener('click', () => {
      if (input) { input.value = b.dataset.numero; input.focus(); }
    });
  });
});
