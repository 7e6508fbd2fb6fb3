import { reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads an Apex AuraHandledException body', () => {
    expect(reduceErrors({ body: { message: 'Choose a period of 7, 30 or 90 days.' } })).toEqual([
      'Choose a period of 7, 30 or 90 days.'
    ]);
  });

  it('reads UI API page, field and output errors', () => {
    expect(
      reduceErrors({
        body: {
          pageErrors: [{ message: 'Page error' }],
          fieldErrors: { Name: [{ message: 'Name error' }] },
          output: {
            errors: [{ message: 'Output error' }],
            fieldErrors: { Amount: [{ message: 'Amount error' }] }
          }
        }
      })
    ).toEqual(['Page error', 'Name error', 'Output error', 'Amount error']);
  });

  it('reads bodies that are lists, JavaScript errors, fetch status text and strings', () => {
    expect(reduceErrors({ body: [{ message: 'First' }, {}, { message: 'Second' }] })).toEqual([
      'First',
      'Second'
    ]);
    expect(reduceErrors(new Error('Script failed'))).toEqual(['Script failed']);
    expect(reduceErrors({ statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    expect(reduceErrors(['plain text', { body: { message: 'Apex' } }])).toEqual([
      'plain text',
      'Apex'
    ]);
  });

  it('drops empty and unknown errors', () => {
    expect(reduceErrors(null)).toEqual([]);
    expect(reduceErrors([undefined, '  ', {}])).toEqual([]);
    expect(reduceErrors({ body: null, message: 'From message' })).toEqual(['From message']);
  });
});
