/**
 * In-place selection (Hoare's quickselect with a median-of-three pivot): after `select(a, k, lo)`,
 * a[k] holds the value a full sort would put there, everything in a[lo..k) is ≤ a[k] and
 * everything after k is ≥ a[k]. Linear on average, against n log n for the sort that quartiles
 * otherwise need: a million-answer number question needs six order statistics, not an order.
 */
export function select(a: Float64Array, k: number, lo = 0): number {
  let left = lo;
  let right = a.length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as pivot, which also keeps sorted or constant runs from going quadratic.
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
