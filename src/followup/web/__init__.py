"""The web interface (`followup serve`): Today, Pipeline, Opportunity, Quick capture, the letter
editor, Settings and Import/Export, over the same services as the command line."""
