/**
 * Builds one UpdateItem's expressions from parts. The conditional writes here are
 * assembled from several optional pieces (a new code, a reused one, a factor, stale
 * attributes to drop), and DynamoDB rejects any placeholder an expression does not
 * use; the builder keeps only the names and values its expressions mention.
 */
export interface UpdateExpressions {
  readonly UpdateExpression: string;
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

export class UpdateBuilder {
  private readonly sets: string[] = [];
  private readonly adds: string[] = [];
  private readonly removes: string[] = [];
  private readonly deletes: string[] = [];
  private readonly conditions: string[] = [];
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, unknown> = {};
  private generated = 0;

  /** A placeholder for an attribute name; `#auto` names get a fresh one. */
  name(attribute: string, placeholder?: string): string {
    const key = placeholder ?? `#a${this.generated++}`;
    this.names[key] = attribute;
    return key;
  }

  /** Values for placeholders the expressions may use. */
  bind(entries: Record<string, unknown>): this {
    Object.assign(this.values, entries);
    return this;
  }

  set(...parts: string[]): this {
    this.sets.push(...parts);
    return this;
  }

  add(...parts: string[]): this {
    this.adds.push(...parts);
    return this;
  }

  remove(...parts: string[]): this {
    this.removes.push(...parts);
    return this;
  }

  delete(...parts: string[]): this {
    this.deletes.push(...parts);
    return this;
  }

  /** A condition part; parts are joined with AND, each parenthesised when it has operators of its own. */
  when(...parts: string[]): this {
    this.conditions.push(...parts);
    return this;
  }

  build(): UpdateExpressions {
    const update = [
      this.sets.length ? `SET ${this.sets.join(', ')}` : '',
      this.removes.length ? `REMOVE ${this.removes.join(', ')}` : '',
      this.adds.length ? `ADD ${this.adds.join(', ')}` : '',
      this.deletes.length ? `DELETE ${this.deletes.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const condition = this.conditions.length
      ? this.conditions.map((p) => (/ (AND|OR) /.test(p) ? `(${p})` : p)).join(' AND ')
      : undefined;
    const text = `${update} ${condition ?? ''}`;
    const used = (placeholder: string) =>
      new RegExp(`${placeholder.replace(/[$]/g, '\\$&')}(?![A-Za-z0-9_])`).test(text);
    const names = Object.fromEntries(Object.entries(this.names).filter(([k]) => used(k)));
    const values = Object.fromEntries(Object.entries(this.values).filter(([k]) => used(k)));
    return {
      UpdateExpression: update,
      ...(condition ? { ConditionExpression: condition } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    };
  }
}
