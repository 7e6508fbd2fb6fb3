/**
 * Lead conversion (Apex Reference Guide: Database.convertLead, LeadConvert, LeadConvertResult;
 * Object Reference: Lead IsConverted, ConvertedDate, Converted…Id). A lead becomes an Account
 * (unless one is given), a Contact on it (unless one is given) and an Opportunity on it (unless
 * doNotCreateOpportunity); the lead gets the converted status, IsConverted, ConvertedDate (today
 * in the user's time zone) and the Ids. The new records go through ordinary DML in the caller's
 * access mode, so their required fields, defaults and security apply. Not modelled: merging into
 * an existing contact's data, person accounts, lead field mapping beyond the standard fields.
 */
import type { FieldValue } from '../../demo/model';
import type {
  DmlError,
  DmlOptions,
  DmlResult,
  LeadConvertOutcome,
  LeadConvertRequest
} from './types';

export interface LeadConvertPorts {
  dml(
    operation: 'insert' | 'update',
    sObjectType: string,
    records: Record<string, unknown>[],
    options: DmlOptions
  ): DmlResult[];
  /** The lead's row as the caller may see it, or undefined. */
  readLead(leadId: string, options: DmlOptions): Record<string, FieldValue> | undefined;
  /** Writes the conversion fields, which no DML may set. */
  markConverted(leadId: string, values: Record<string, FieldValue>): void;
  /** Today in the user's time zone, 'YYYY-MM-DD'. */
  today(userId: string): string;
}

function failure(statusCode: string, message: string, fields: string[] = []): LeadConvertOutcome {
  return {
    leadId: null,
    accountId: null,
    contactId: null,
    opportunityId: null,
    success: false,
    errors: [{ statusCode, message, fields }]
  };
}

function inserted(
  ports: LeadConvertPorts,
  sObjectType: string,
  record: Record<string, unknown>,
  options: DmlOptions
): { id: string } | { errors: DmlError[] } {
  const [result] = ports.dml('insert', sObjectType, [record], { ...options, allOrNone: true });
  return result.success && result.id ? { id: result.id } : { errors: result.errors };
}

function convertOne(
  ports: LeadConvertPorts,
  request: LeadConvertRequest,
  options: DmlOptions
): LeadConvertOutcome {
  const lead = request.leadId ? ports.readLead(request.leadId, options) : undefined;
  if (!lead) return failure('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  if (lead.IsConverted === true)
    return failure('INVALID_STATUS', 'This lead was already converted.', []);
  if (!request.convertedStatus)
    return failure('REQUIRED_FIELD_MISSING', 'Required fields are missing: [Status]', ['Status']);
  const leadId = lead.Id as string;
  const ownerId = request.ownerId ?? lead.OwnerId;
  const fail = (errors: DmlError[]): LeadConvertOutcome => ({ ...failure('', ''), errors });

  let accountId = request.accountId;
  if (!accountId) {
    const account = inserted(
      ports,
      'Account',
      { Name: lead.Company ?? lead.LastName, OwnerId: ownerId },
      options
    );
    if ('errors' in account) return fail(account.errors);
    accountId = account.id;
  }
  let contactId = request.contactId;
  if (!contactId) {
    const contact = inserted(
      ports,
      'Contact',
      {
        AccountId: accountId,
        FirstName: lead.FirstName ?? null,
        LastName: lead.LastName,
        Email: lead.Email ?? null,
        Phone: lead.Phone ?? null,
        Title: lead.Title ?? null,
        OwnerId: ownerId
      },
      options
    );
    if ('errors' in contact) return fail(contact.errors);
    contactId = contact.id;
  }
  let opportunityId: string | null = null;
  const today = ports.today(options.userId);
  if (!request.doNotCreateOpportunity) {
    const opportunity = inserted(
      ports,
      'Opportunity',
      {
        AccountId: accountId,
        Name: request.opportunityName ?? lead.Company ?? lead.LastName,
        // The first stage of the standard sales process; the close date is not documented.
        StageName: 'Prospecting',
        CloseDate: today,
        OwnerId: ownerId
      },
      options
    );
    if ('errors' in opportunity) return fail(opportunity.errors);
    opportunityId = opportunity.id;
  }
  const [update] = ports.dml(
    'update',
    'Lead',
    [{ Id: leadId, Status: request.convertedStatus, OwnerId: ownerId }],
    { ...options, allOrNone: true }
  );
  if (!update.success) return fail(update.errors);
  ports.markConverted(leadId, {
    IsConverted: true,
    ConvertedDate: today,
    ConvertedAccountId: accountId,
    ConvertedContactId: contactId,
    ConvertedOpportunityId: opportunityId
  });
  return { leadId, accountId, contactId, opportunityId, success: true, errors: [] };
}

export function convertLeads(
  ports: LeadConvertPorts,
  requests: readonly LeadConvertRequest[],
  options: DmlOptions
): LeadConvertOutcome[] {
  return requests.map((request) => convertOne(ports, request, options));
}
