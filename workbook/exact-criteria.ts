/**
 * A SUMIFS criterion that matches its cell's text exactly. A bare criterion would read `*`
 * and `?` in a strategy id as wildcards (`R*` summing R1 and R2 too), `~` as an escape and a
 * leading `<`, `>` or `=` as a comparison — Excel and LibreOffice would then recalculate
 * other totals than the engine's. Escaping `~ * ?` and prefixing `=` leaves only equality
 * (without regard to case, so the engine refuses strategy ids that differ only in case).
 *
 * @example
 * exactCriterion('$A5') // '"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A5,"~","~~"),"*","~*"),"?","~?")'
 */
export function exactCriterion(ref: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
}
