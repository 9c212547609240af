// Not part of the product: the JSX literal check's own sample, with one case of each kind it must find or allow.
const t = (key: string): string => key;
export function Sample({ saving, name, count }: { saving: boolean; name: string; count: number }) {
  return (
    <form aria-labelledby="sample-title" data-testid="sample-form" className="slds-form">
      <button type="submit">Save the note</button>
      <span>{saving ? 'Saving…' : 'Saved'}</span>
      <button type="button" title="Close the review" data-state="closed-review" />
      <input placeholder={'Type a question'} />
      <p>{`Note for {name}`}</p>
      <p>
        {t('note_title')} · {count} — ({name})
      </p>
      <p>{saving && t('note_saving')}</p>
      <table>
        <tbody>
          <tr>
            <th scope="row" data-label="Row">
              {count}
            </th>
          </tr>
        </tbody>
      </table>
    </form>
  );
}
