// The administration pages: a registry file too large for the server is refused here,
// before it is sent; an ADMIN's provinces are all, so the choice is greyed.
(function () {
  var upload = document.querySelector('form.admin-upload');
  if (upload) {
    var max = Number(upload.getAttribute('data-max-bytes'));
    var input = upload.querySelector('input[type=file]');
    var warning = upload.querySelector('.admin-too-large');
    var check = function () {
      var file = input.files && input.files[0];
      var tooLarge = !!(file && max > 0 && file.size > max);
      warning.hidden = !tooLarge;
      return !tooLarge;
    };
    input.addEventListener('change', check);
    upload.addEventListener('submit', function (event) {
      if (!check()) {
        event.preventDefault();
      }
    });
  }
  document.querySelectorAll('form select.admin-role').forEach(function (role) {
    var boxes = role.form.querySelector('fieldset.admin-provinces');
    var sync = function () {
      if (boxes) {
        boxes.disabled = role.value === 'ADMIN';
      }
    };
    role.addEventListener('change', sync);
    sync();
  });
})();
