export function drawChart(el) {
  const c = document.createElement('canvas')
  c.width = 300
  c.height = 120
  el.appendChild(c)
}
