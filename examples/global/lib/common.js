/* Shared helpers loaded by every standard package from the global resource host. */
window.bankCommon = {
  formatMoney(value, currency) {
    return new Intl.NumberFormat('zh-CN', { style: 'currency', currency }).format(value)
  }
}
