"""The classifier on single messages in other voices than the labelled sets: each class of
language the rules claim to read, in English, French, German and Spanish, and near misses that
must stay what they are (courtesy, status updates, words of a decision used about something else).
"""

from __future__ import annotations

import pytest

from followup.domain.replies.classify import shipped_classifier

PROBES = [
    # -- invitation: invited in so many words, scheduling, a time proposed, the next round --------
    ("invitation", "We'd like to invite you to interview for the Account Executive role."),
    ("invitation", "I'd like to schedule a call to discuss next steps."),
    ("invitation", "Are you available for a phone interview on Tuesday?"),
    ("invitation", "Please let me know when you're available for a 30-minute call."),
    ("invitation", "Can you do a Zoom call Thursday at 3pm?"),
    ("invitation", "Please use this link to book a time with me: https://cal.example/x"),
    ("invitation", "The hiring manager would like to move forward with an in-person interview."),
    ("invitation", "You have been selected for an interview."),
    ("invitation", "Congratulations, you've advanced to the next round!"),
    ("invitation", "We'd love to have you in for an onsite."),
    ("invitation", "Let's set up some time to chat later this week."),
    ("invitation", "I'll send a calendar invite for Monday at 10."),
    ("invitation", "We're excited to move you to the next stage of our process!"),
    ("invitation", "Our team would like to speak with you further about the position."),
    ("invitation", "Could we arrange a time for you to meet the team?"),
    ("invitation", "Would you be interested in interviewing for this role?"),
    ("invitation", "Please confirm your attendance for the interview on 4 December."),
    ("invitation", "You have been invited to the following event: Interview with Acme."),
    ("invitation", "Nous souhaiterions vous proposer un entretien la semaine prochaine."),
    ("invitation", "Seriez-vous disponible pour un échange téléphonique ?"),
    ("invitation", "Je vous propose un entretien téléphonique mardi à 10h."),
    ("invitation", "Nous avons le plaisir de vous convier à un entretien."),
    ("invitation", "Pouvons-nous fixer un rendez-vous ?"),
    ("invitation", "Merci de me faire part de vos disponibilités pour un entretien."),
    ("invitation", "Vous êtes convoqué à un entretien le 3 décembre à 14h."),
    ("invitation", "Wir möchten Sie gerne zu einem Vorstellungsgespräch einladen."),
    ("invitation", "Gerne würden wir Sie persönlich kennenlernen."),
    ("invitation", "Haben Sie nächste Woche Zeit für ein Telefonat?"),
    ("invitation", "Wir laden Sie zu einem zweiten Gespräch ein."),
    ("invitation", "Können wir einen Termin für ein Gespräch vereinbaren?"),
    ("invitation", "Ich schicke Ihnen gleich eine Kalendereinladung für Donnerstag."),
    ("invitation", "Nos gustaría invitarte a una entrevista."),
    ("invitation", "¿Podrías venir el jueves a una entrevista?"),
    ("invitation", "Quería proponerte una entrevista con el equipo."),
    ("invitation", "Te escribo para concertar una entrevista."),
    ("invitation", "¿Cuándo te vendría bien hablar?"),
    ("invitation", "Has sido seleccionado para la siguiente fase del proceso."),
    ("invitation", "Te confirmo la entrevista para el martes a las 10."),
    # -- rejection: someone else, not going on, regret, the job gone -------------------------------
    ("rejection", "We have decided to move forward with other applicants at this time."),
    ("rejection", "Unfortunately, we will not be moving forward with your application."),
    (
        "rejection",
        "After careful consideration, we have decided not to proceed with your candidacy.",
    ),
    ("rejection", "We've filled the position."),
    ("rejection", "The team has decided to go in a different direction."),
    ("rejection", "You were not selected for this position."),
    ("rejection", "We are unable to offer you a position at this time."),
    ("rejection", "I'm afraid it's not good news this time."),
    ("rejection", "We've decided to pass on your application."),
    ("rejection", "We have decided to close the search for this role."),
    ("rejection", "We have made the difficult decision to not move forward."),
    ("rejection", "Your profile does not match the requirements of the role."),
    (
        "rejection",
        "Nous ne sommes pas en mesure de donner une suite favorable à votre candidature.",
    ),
    ("rejection", "Nous avons décidé de poursuivre avec d'autres candidats."),
    ("rejection", "Votre profil ne correspond pas aux besoins du poste."),
    ("rejection", "Leider können wir Ihnen keine positive Rückmeldung geben."),
    ("rejection", "Wir haben uns entschieden, den Prozess mit Ihnen nicht fortzusetzen."),
    ("rejection", "Wir haben uns gegen Ihre Bewerbung entschieden."),
    ("rejection", "Ihr Profil entspricht leider nicht unseren Anforderungen."),
    ("rejection", "Lamentablemente, no has sido seleccionado para el puesto."),
    ("rejection", "Tu perfil no se ajusta a lo que buscamos en este momento."),
    ("rejection", "En esta ocasión no podemos continuar con tu candidatura."),
    # -- offer ---------------------------------------------------------------------------------
    ("offer", "We're happy to offer you the position of Account Executive."),
    ("offer", "Attached is your offer letter."),
    ("offer", "I'm pleased to let you know that you got the job!"),
    ("offer", "We would like to hire you as our next Account Executive."),
    ("offer", "We'd like you to join us as Regional Sales Manager."),
    ("offer", "Votre candidature a été retenue pour le poste de chargé d'affaires."),
    ("offer", "Wir freuen uns, Ihnen mitteilen zu können, dass wir uns für Sie entschieden haben."),
    ("offer", "Queremos contar contigo para el puesto de comercial."),
    # -- question: asks the candidate for something ---------------------------------------------
    ("question", "What's your current notice period?"),
    ("question", "Could you tell me more about your experience with Salesforce?"),
    ("question", "Would you consider a contract-to-hire arrangement?"),
    ("question", "Please send your portfolio by Friday."),
    ("question", "I need a copy of your passport for the right-to-work check."),
    ("question", "Let me know your earliest start date."),
    ("question", "Are you open to relocating to Denver?"),
    ("question", "Send me your references when you can."),
    ("question", "Pouvez-vous me confirmer votre intérêt pour le poste ?"),
    ("question", "Quelles sont vos prétentions salariales ?"),
    ("question", "Envoyez-moi votre CV à jour, s'il vous plaît."),
    ("question", "Was sind Ihre Gehaltsvorstellungen?"),
    ("question", "Wann könnten Sie frühestens anfangen?"),
    ("question", "¿Cuáles son tus expectativas salariales?"),
    ("question", "Envíame tu CV actualizado, por favor."),
    # -- automatic -----------------------------------------------------------------------------
    ("automatic", "I am currently out of the office and will return on December 1st."),
    ("automatic", "I'm away until Monday 7 December with no access to email."),
    ("automatic", "Your application for Account Executive has been received."),
    ("automatic", "Thanks for applying! We'll review your application and get back to you soon."),
    (
        "automatic",
        "Your application status has been updated. Log in to your candidate portal to view it.",
    ),
    ("automatic", "You have a new message from Acme. Sign in to read it."),
    ("automatic", "Je suis absent jusqu'au lundi 7 décembre inclus."),
    ("automatic", "Vielen Dank für Ihre Nachricht. Ich bin bis zum 7.12. im Urlaub."),
    ("automatic", "Estoy fuera de la oficina hasta el lunes."),
    # -- mixed messages: the stronger evidence decides -------------------------------------------
    (
        "rejection",
        "Thank you for applying to Acme. Unfortunately, we have decided to move forward with "
        "other candidates. We will keep your resume on file.",
    ),
    (
        "automatic",
        "Thanks for your application! Our recruiting team will review it and reach out if "
        "there's a match. In the meantime, check out our blog.",
    ),
    (
        "rejection",
        "Thanks for your time yesterday. I'm afraid we've decided not to move you forward to "
        "the onsite. Best of luck!",
    ),
    (
        "invitation",
        "Great news! We'd like to offer you a second interview with the sales director.",
    ),
    (
        "invitation",
        "Congratulations! You have passed the phone screen. The next step is a 1-hour "
        "interview with the hiring manager.",
    ),
    (
        "question",
        "Before we can make you an offer we need to check your references. Could you send me "
        "the names of two referees?",
    ),
    ("rejection", "Thanks for your interest. The role is no longer available."),
    (
        "invitation",
        "Just checking in: are you still interested in the role? We'd like to set up a call.",
    ),
    (
        "invitation",
        "We've received your application and we're excited to invite you to the next step: a "
        "short video interview.",
    ),
    ("invitation", "Your interview has been rescheduled to Thursday 3 December at 2pm."),
    ("offer", "Please find attached our offer for the position."),
    (
        "offer",
        "We're pleased to confirm that you've been successful in your application for the "
        "role of Account Executive.",
    ),
    ("offer", "Following your interview, we would like to make you a conditional offer."),
    ("automatic", "Votre candidature a bien été transmise au recruteur."),
    ("automatic", "Tu candidatura ha sido enviada correctamente a la empresa."),
    ("automatic", "Le recruteur a consulté votre candidature."),
    ("automatic", "Ich bin ab dem 23.12. im Urlaub und ab dem 4.1. wieder erreichbar."),
    ("automatic", "Je suis actuellement en congés avec un accès limité à mes emails."),
    (
        "rejection",
        "Merci pour votre candidature. Malheureusement, nous ne pouvons pas y donner suite.",
    ),
    ("rejection", "Te escribimos para informarte de que hemos cubierto la vacante."),
    ("rejection", "Leider haben wir uns anderweitig entschieden."),
    (
        "rejection",
        "Te informamos de que el proceso de selección ha finalizado y tu candidatura no ha "
        "sido seleccionada.",
    ),
    (
        "invitation",
        "Wir freuen uns, Ihnen mitteilen zu können, dass Sie die nächste Runde erreicht haben.",
    ),
    ("other", "We haven't made a decision yet; we'll let you know next week."),
    ("other", "Is there anything else you need from me before Thursday?"),
    ("other", "Thank you for attending the second interview yesterday, the team enjoyed it."),
    # -- as applicant-tracking systems and recruiters write them, in other words ----------------
    (
        "rejection",
        "Leider müssen wir Ihnen mitteilen, dass wir uns für andere Bewerber:innen "
        "entschieden haben.",
    ),
    ("rejection", "Tu candidatura ha sido descartada para este proceso."),
    ("rejection", "Lamentablemente no has superado el proceso de selección."),
    ("rejection", "Nous avons décidé de ne pas retenir votre candidature."),
    (
        "rejection",
        "Wir bedauern, Ihnen mitteilen zu müssen, dass die Wahl nicht auf Sie gefallen ist.",
    ),
    ("rejection", "We will not be taking your application any further."),
    ("rejection", "We're going to be moving ahead with someone else for this one."),
    ("offer", "Please find enclosed your contract of employment for signature."),
    ("offer", "Wir freuen uns, Ihnen eine Zusage geben zu können."),
    ("invitation", "We would like to progress your application to the next stage."),
    ("invitation", "We would like to proceed to the next stage with you."),
    ("invitation", "Votre candidature a été présélectionnée pour le poste."),
    ("invitation", "Has sido preseleccionada para el puesto de comercial."),
    ("invitation", "Sie wurden für ein persönliches Interview ausgewählt."),
    ("invitation", "Te esperamos el lunes a las 10:00 en nuestras oficinas."),
    ("invitation", "We look forward to seeing you on Tuesday at 10am at our office."),
    ("invitation", "Nous vous attendons le jeudi 3 décembre à 14h dans nos locaux."),
    ("question", "Dürfen wir Ihre Referenzen kontaktieren?"),
    ("question", "Merci de me confirmer votre disponibilité pour démarrer le 4 janvier."),
    ("automatic", "Thank you for your message. I am currently out of the office."),
    ("automatic", "Your message has been received. We aim to respond within 48 hours."),
    ("other", "We look forward to speaking with you again soon."),
    ("other", "I'm on a call right now but will read your plan tonight."),
    # -- portals, out-of-office answers and offers in yet other words ---------------------------
    ("automatic", "Your application was sent to Acme Corp. Good luck!"),
    ("automatic", "Ihre Bewerbung wurde erfolgreich an die Firma versendet."),
    (
        "automatic",
        "Candidature envoyée ! L'entreprise reviendra vers vous si votre profil l'intéresse.",
    ),
    ("automatic", "Me encuentro de vacaciones hasta el 4 de enero, sin acceso al correo."),
    ("automatic", "Je suis en congé maternité jusqu'au 15 mars."),
    ("automatic", "Ich befinde mich bis zum 10. Januar im Urlaub."),
    ("automatic", "Thanks for reaching out! I'm currently on PTO and will respond when I'm back."),
    ("offer", "The offer is attached; please let us know your decision by Friday."),
    ("offer", "Happy to confirm we'd like to bring you on board as Account Executive."),
    ("offer", "Le comité a validé votre embauche : bienvenue dans l'équipe !"),
    ("offer", "Nos complace confirmarte que el puesto es tuyo."),
    ("offer", "Herzlich willkommen im Team! Ihr Arbeitsvertrag liegt bei."),
    ("question", "Can you resend your CV? The attachment didn't come through."),
    ("question", "Could you fill in the attached form and send it back?"),
    ("question", "¿Me confirmas tu dirección postal para enviarte el contrato?"),
    ("invitation", "Quick call tomorrow at 9 to go over the next steps?"),
    ("invitation", "We'd like you to meet the rest of the team on Friday."),
    ("invitation", "J'aimerais organiser une rencontre avec notre directeur la semaine prochaine."),
    ("invitation", "Ich würde gern einen Termin für ein zweites Gespräch mit Ihnen ausmachen."),
    (
        "rejection",
        "After reviewing all candidates, we've decided you're not the right match for this role.",
    ),
    ("rejection", "Nous sommes désolés de vous annoncer que votre candidature n'a pas abouti."),
    (
        "rejection",
        "Unfortunately the hiring manager has decided not to move ahead with your profile.",
    ),
    ("rejection", "Leider ist die Entscheidung nicht zu Ihren Gunsten ausgefallen."),
    ("rejection", "Por el momento no vamos a avanzar con tu perfil."),
    ("other", "Parking is available in the garage under the building."),
    ("other", "Happy holidays from all of us at Acme!"),
    ("other", "Thanks for letting me know you accepted another offer, and congratulations!"),
    ("other", "I have forwarded your CV to the hiring manager."),
    # -- offers said indirectly, requests said as needs, invitations said as wishes -------------
    ("offer", "We'd love for you to join us as our next Account Executive."),
    ("offer", "I'm happy to share that the team has approved your hire."),
    ("offer", "Good news: you've got the role! Paperwork to follow."),
    ("offer", "The hiring committee approved your offer today; expect the letter tomorrow."),
    ("offer", "Our CEO signed off on your offer this morning."),
    ("offer", "Nous souhaitons vous accueillir au sein de l'équipe dès janvier."),
    ("offer", "Nous vous confirmons notre souhait de vous embaucher."),
    ("offer", "Bonne nouvelle, c'est un oui ! Le contrat part demain."),
    ("offer", "Wir haben uns entschieden, Ihnen die Stelle zu geben."),
    ("offer", "Gerne möchten wir Sie ab 1. Februar bei uns an Bord holen."),
    ("offer", "Nos alegra decirte que has sido el candidato elegido."),
    ("offer", "Queremos que te unas a nuestro equipo como Key Account Manager."),
    ("offer", "Te hemos elegido para el puesto; la semana que viene te enviamos el contrato."),
    ("question", "I'll need a copy of your ID before Friday."),
    ("question", "We still need your signed consent form to move ahead."),
    ("question", "It would help if you could share your quota attainment for the last two years."),
    ("question", "Mind sending over your updated résumé?"),
    ("question", "Any chance you could send two references by Wednesday?"),
    ("question", "J'aurais besoin de vos trois derniers bulletins de salaire."),
    ("question", "Il nous faudrait une copie de votre diplôme."),
    ("question", "Ich bräuchte noch Ihre Steuer-ID und Sozialversicherungsnummer."),
    ("question", "Es wäre hilfreich, wenn Sie uns Ihre Zeugnisse schicken könnten."),
    ("question", "Necesitaría una copia de tu DNI para el alta."),
    ("question", "Me haría falta tu número de cuenta."),
    ("question", "¿Te importaría enviarnos tus referencias?"),
    ("invitation", "The hiring manager wants another conversation with you, ideally this week."),
    ("invitation", "Let's get you in for a chat with the team."),
    ("invitation", "I'd like to introduce you to our VP for a final conversation."),
    ("invitation", "Le manager aimerait vous revoir pour un dernier échange."),
    ("invitation", "Unser Geschäftsführer möchte Sie gern noch persönlich treffen."),
    ("invitation", "El director quiere volver a hablar contigo esta semana."),
    ("other", "Congratulations on your new job at Brightwave, well deserved!"),
    ("other", "We'll need a few more days before we can share a decision."),
    ("other", "The team still needs to align internally before we decide."),
    # -- near misses: nothing decided, nothing asked -------------------------------------------
    ("other", "Thanks for the note, I've passed it on to the team."),
    ("other", "Let me know if you have any questions."),
    ("other", "It was a pleasure meeting you last week."),
    ("other", "We're still interviewing other candidates and will update you next week."),
    ("other", "Unfortunately I'm travelling this week, so replies may be slow."),
    ("other", "Do you have any questions for me? Happy to help."),
    ("other", "Merci pour votre message, je reviens vers vous rapidement."),
    ("other", "Danke für die Unterlagen, ich melde mich nächste Woche."),
    ("other", "Gracias por tu mensaje, te digo algo pronto."),
    ("other", "Our offer to candidates usually includes a signing bonus, as we discussed."),
    ("other", "Leider verzögert sich unsere Entscheidung um eine Woche."),
    ("other", "We had a lot of interest in the role, so it's taking longer than planned."),
    ("other", "I'll be out of the office next week, so Rachel will be your contact."),
    ("other", "Thanks for the update on your course, that's great to hear."),
    ("other", "We're still in the middle of interviews; I'll have news after the 10th."),
    ("other", "The decision has been pushed back because our director is travelling."),
    ("other", "Good question! Commission is paid monthly, as we discussed on the phone."),
    ("other", "Glad the interview went well from your side too."),
    ("other", "I've shared your notes with Daniel, he found them very thoughtful."),
    ("other", "No need to send anything else for now."),
    ("other", "Our office will be closed between Christmas and New Year."),
    ("other", "Nice to hear from you, hope the job search is going well."),
    ("other", "Sorry for the slow reply, it's been a hectic week here."),
    ("other", "Merci pour ces précisions, c'est noté."),
    ("other", "Le processus prend un peu plus de temps que prévu, merci de votre patience."),
    ("other", "Nous avons bien noté vos disponibilités, je reviens vers vous."),
    ("other", "Vielen Dank für die schnelle Rückmeldung, das hilft uns sehr."),
    ("other", "Die Entscheidung fällt voraussichtlich Ende des Monats."),
    ("other", "Ich habe Ihre Unterlagen an die Fachabteilung weitergeleitet."),
    ("other", "Muchas gracias por la información, la comparto con el equipo."),
    ("other", "Todavía estamos entrevistando a otros candidatos; te aviso pronto."),
    ("other", "Perdona la tardanza en responder, hemos tenido mucho trabajo."),
    ("other", "Our offers team is growing fast, as you saw on LinkedIn."),
]


@pytest.mark.parametrize(("kind", "text"), PROBES, ids=[t[:50] for _, t in PROBES])
def test_each_class_of_language_is_read_as_its_kind(kind, text):
    found = shipped_classifier().classify(f"Hi Sam,\n\n{text}\n\nBest,\nAlex")
    assert found.kind == kind, found
    if kind == "other":
        assert found.evidence == ""
    else:  # the sentence that decided, as it was written
        assert found.evidence and found.evidence in text


def test_a_thanks_line_above_the_message_is_no_sign_off():
    text = (
        "Hi Sam,\n\nThanks!\n\nWe'd like to invite you to a final interview with our VP "
        "next week.\n\nBest,\nPriya\nSenior Talent Partner | Brightwave\n"
    )
    found = shipped_classifier().classify(text)
    assert (found.kind, found.new_text) == (
        "invitation",
        "Hi Sam,\n\nThanks!\n\nWe'd like to invite you to a final interview with our VP next week.",
    )
