// The runs page (templates/runs/runs.html): while a run goes on, its progress comes as
// Server-Sent Events from /runs/progress; each event holds the run as the page shows it
// (RunView), in the user's language and scope. A reload connects again. When the run
// ends, the page shows its outcome and summary and fetches the past runs anew.
(function () {
  'use strict';

  var live = document.getElementById('run-live');
  if (!live || live.getAttribute('data-running') !== 'true' || !window.EventSource) {
    return;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(id, text) {
    var element = byId(id);
    if (element) {
      element.textContent = (text === null || text === undefined) ? '' : String(text);
    }
  }

  function setHidden(id, hidden) {
    var element = byId(id);
    if (element) {
      element.hidden = hidden;
    }
  }

  function cell(row, text, number) {
    var td = document.createElement('td');
    if (number) {
      td.className = 'number';
    }
    td.textContent = (text === null || text === undefined) ? '' : String(text);
    row.appendChild(td);
  }

  function showFiles(run) {
    setHidden('run-files-part', !run.files);
    if (!run.files) {
      return;
    }
    var bar = byId('run-bar');
    if (run.files.percent >= 0) {
      bar.value = run.files.percent;
    }
    else {
      bar.removeAttribute('value');
    }
    setText('run-files', run.files.text);
    setText('run-rate', run.files.rate);
    setText('run-left', run.files.left);
    var body = byId('run-provinces');
    body.textContent = '';
    run.provinces.forEach(function (province) {
      var row = document.createElement('tr');
      cell(row, province.name, false);
      cell(row, province.read, true);
      cell(row, province.expected, true);
      body.appendChild(row);
    });
    if (run.provinces.length === 0) {
      var empty = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 3;
      td.className = 'muted';
      td.textContent = body.getAttribute('data-none');
      empty.appendChild(td);
      body.appendChild(empty);
    }
  }

  function showSteps(run) {
    setHidden('run-steps-part', run.steps.length === 0);
    setText('run-step', run.step);
    var list = byId('run-steps');
    list.textContent = '';
    run.steps.forEach(function (step) {
      var item = document.createElement('li');
      item.className = 'step-' + step.state;
      var text = document.createElement('span');
      text.textContent = step.text;
      var state = document.createElement('span');
      state.className = 'step-state';
      state.textContent = step.stateText;
      item.appendChild(text);
      item.appendChild(document.createTextNode(' — '));
      item.appendChild(state);
      list.appendChild(item);
    });
  }

  function showSummary(run) {
    setHidden('run-summary-part', run.summary.length === 0);
    var summary = byId('run-summary');
    summary.textContent = '';
    run.summary.forEach(function (line) {
      var div = document.createElement('div');
      div.textContent = line;
      summary.appendChild(div);
    });
    setHidden('run-summary-shortened', !run.summaryShortened);
  }

  function show(run) {
    setText('run-by', run.by);
    var state = byId('run-state');
    state.className = run.running ? 'notice'
      : run.outcome === 'completed' ? 'notice run-completed'
        : run.outcome === 'not-consolidated' ? 'notice warn' : 'notice error';
    setText('run-outcome', run.outcomeText);
    setText('run-problem', run.problem);
    showFiles(run);
    showSteps(run);
    showSummary(run);
  }

  // the past runs, as the page shows them now
  function refreshHistory() {
    fetch(window.location.pathname + window.location.search, { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('run-history');
        var old = byId('run-history');
        if (fresh && old) {
          old.replaceWith(document.importNode(fresh, true));
        }
      })
      .catch(function () {
        // the list stays as it was; a reload shows it
      });
  }

  function ended(run) {
    live.setAttribute('data-running', 'false');
    var start = byId('run-start');
    if (start) {
      start.disabled = false;
    }
    setHidden('run-start-busy', true);
    show(run);
    refreshHistory();
  }

  var source = new EventSource(live.getAttribute('data-progress'));
  source.addEventListener('progress', function (event) {
    show(JSON.parse(event.data));
  });
  source.addEventListener('end', function (event) {
    source.close();
    ended(JSON.parse(event.data));
  });
  source.addEventListener('idle', function () {
    source.close();
  });
  // on an error the browser connects again by itself; the server sends the run's state
}());
