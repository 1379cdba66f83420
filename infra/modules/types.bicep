// Types shared by main.bicep, its modules and the parameter files.

@export()
@description('The issuer printed on every invoice; becomes the app settings Invoicing__Issuer__*.')
type issuerSettings = {
  @description('Names the issuer\'s invoice number series: letters, digits and \'-\'.')
  id: string

  @description('The legal name of the issuing organisation.')
  name: string

  @description('Postal address, one line per entry; empty lines are ignored.')
  addressLines: string[]

  @description('Swedish organisation number, e.g. 212000-0000.')
  organisationNumber: string

  @description('The bankgiro number payments go to, e.g. 123-4567.')
  bankgiro: string

  @description('The person invoice recipients contact.')
  contactName: string

  @description('Telephone number of the contact.')
  contactPhone: string

  @description('E-mail address of the contact.')
  contactEmail: string

  @minValue(1)
  @maxValue(90)
  @description('Days from the invoice date to the due date.')
  paymentTermsDays: int

  @description('VAT number; empty or absent derives it from the organisation number.')
  vatNumber: string?

  @description('VAT rate in per cent: 0 (contributions are not taxable supplies), 6, 12 or 25; the app checks it.')
  @minValue(0)
  @maxValue(25)
  vatRatePercent: int?

  @description('How VAT is charged, printed on every invoice; required when the rate is not 0.')
  vatText: string?

  @description('The party code of the issuer itself in the scheme\'s data (1980 = Västerås stad): its share is shown, not invoiced. Empty or absent: none.')
  partyCode: string?
}

@export()
@description('A scheme run by another organisation, with its own issuer and number series; becomes Invoicing__Schemes__{i}__*.')
type schemeIssuer = {
  @description('The scheme id as in its budget.json, e.g. stockholm-pom.')
  scheme: string

  @description('The scheme\'s issuer, complete: nothing is taken from the default issuer.')
  issuer: issuerSettings
}

@export()
@description('The outgoing mail server; the password is a Key Vault secret, never a parameter.')
type smtpSettings = {
  @description('Host name of the SMTP server.')
  host: string

  @description('Port of the SMTP server, e.g. 587 for STARTTLS.')
  @minValue(1)
  @maxValue(65535)
  port: int

  @description('User name the app signs in to the SMTP server with.')
  userName: string

  @description('The sender address of invoices and reminders.')
  from: string
}

@export()
@description('Resource tags: names and string values.')
type tagSet = {
  @description('The value of the tag.')
  *: string
}

@export()
@description('One app setting of the function app.')
type appSetting = {
  @description('Name of the setting; configuration sections are separated by __.')
  name: string

  @description('Value of the setting; never a secret (use a Key Vault reference instead).')
  value: string
}
