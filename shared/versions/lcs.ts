/**
 * Longest common subsequence of two lists compared by `===`, as pairs of matching indexes in increasing order.
 * The common head and tail are matched first so the quadratic table only covers the edited middle; when that
 * middle is still too large (`maxCells`), it is reported as entirely different rather than taking seconds.
 */
export function lcsPairs<T>(a: readonly T[], b: readonly T[], maxCells = 4_000_000): Array<[number, number]> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const rows = a.length - head - tail;
  const cols = b.length - head - tail;
  if (rows > 0 && cols > 0 && (rows + 1) * (cols + 1) <= maxCells) {
    const width = cols + 1;
    const table = new Uint32Array((rows + 1) * width);
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = cols - 1; j >= 0; j--) {
        table[i * width + j] =
          a[head + i] === b[head + j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    for (let i = 0, j = 0; i < rows && j < cols; ) {
      if (a[head + i] === b[head + j]) pairs.push([head + i++, head + j++]);
      else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
      else j++;
    }
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}
