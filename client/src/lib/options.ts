/** A select's options from a map of values to their Hebrew labels, in the map's order. */
export function options<K extends string>(labels: Record<K, string>) {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
