// A union's page: a return dropped on the zone or chosen is shown by name, a file too
// large is refused before it is sent, and the page says it is checking while the server
// reads the file. An upload that waits for a run reloads its page until it is checked.
(function () {
  var form = document.querySelector('form.union-upload');
  if (form) {
    var input = form.querySelector('input[type=file]');
    var zone = form.querySelector('.drop-zone');
    var chosen = form.querySelector('.drop-file');
    var tooLarge = form.querySelector('.union-too-large');
    var checking = form.querySelector('.union-checking');
    var max = Number(form.getAttribute('data-max-bytes'));
    var show = function () {
      var file = input.files && input.files[0];
      chosen.textContent = file ? file.name : '';
      var large = !!(file && max > 0 && file.size > max);
      tooLarge.hidden = !large;
      return !large;
    };
    input.addEventListener('change', show);
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add('over');
      });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.remove('over');
      });
    });
    zone.addEventListener('drop', function (event) {
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        show();
      }
    });
    form.addEventListener('submit', function (event) {
      if (!show()) {
        event.preventDefault();
        return;
      }
      checking.hidden = false;
      form.querySelector('button[type=submit]').disabled = true;
    });
  }
  var waiting = document.querySelector('[data-refresh]');
  if (waiting) {
    setTimeout(function () {
      window.location.reload();
    }, Number(waiting.getAttribute('data-refresh')) * 1000);
  }
})();
