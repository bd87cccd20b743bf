import { renderBalance } from './balance.js'

const app = document.getElementById('app')
renderBalance(app, { currency: 'CNY', amount: 1280.5 })
import('./chart.js').then(({ drawChart }) => drawChart(app))
