export function renderBalance(el, { currency, amount }) {
  el.innerHTML = `<h1>${amount.toFixed(2)} ${currency}</h1>`
}
