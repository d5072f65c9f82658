// The console's shared script (no inline scripts: the Content-Security-Policy forbids them).
// Buttons and links with data-confirm ask before they act.
document.addEventListener('click', function (event) {
  var target = event.target.closest('[data-confirm]');
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});

// The CSRF token of the page, for scripts that send a request themselves.
window.tonghopCsrf = function () {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  return (token && header) ? { header: header.content, token: token.content } : null;
};
