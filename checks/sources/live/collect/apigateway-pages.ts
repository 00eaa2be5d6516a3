/** Every page of an apigatewayv2 list call (the v2 client has no paginators for these). */
export async function* v2Pages<T>(fetch: (next: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>): AsyncIterable<T[] | undefined> {
  let next: string | undefined;
  do {
    const page = await fetch(next);
    yield page.Items;
    next = page.NextToken;
  } while (next);
}
