// The print button of the card and the sheet. Without JavaScript it stays hidden and Ctrl+P prints.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
