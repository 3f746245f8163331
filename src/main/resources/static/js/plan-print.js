// Vangnet: the print button of the family's copy of the plan (plan module).
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    if (event.target.matches('[data-print]')) {
      window.print();
    }
  });
})();
