package sentence_test

// benchText is a made-up news report of about 5 KB in the style of the
// articles sitrep reads, with quotes, titles, abbreviations and numbers.
const benchText = `Army chief urges closer border coordination after attack on checkpoint

ISLAMABAD — Pakistan's army chief on Tuesday called for "greater coordination" with Kabul along the border after militants stormed a checkpoint in the Khyber district, killing four soldiers and wounding 11 others.

"Threat continues to reside across the border. We need to remain vigilant and we need our neighbours to act," Gen. Qamar Javed Bajwa told officers at the General Headquarters in Rawalpindi. The meeting was also attended by Lt. Gen. Asim Munir and Maj. Gen. Babar Iftikhar, the military's spokesman.

According to a statement issued by the Inter-Services Public Relations (ISPR), the attack began at about 2 a.m. on Monday when "a group of 15 to 20 terrorists" opened fire from two directions. Troops returned fire and the exchange lasted for nearly three hours. Five attackers were killed, the statement said, while the others fled towards the Durand Line.

The Tehreek-e-Taliban Pakistan (TTP) claimed responsibility in an emailed statement to reporters. Its spokesman, who goes by the name Muhammad Khurasani, said the attack was revenge for the killing of a commander in North Waziristan on Jan. 20. He did not provide evidence for the claim.

“A greater Pak-Afghan border coordination and security cooperation is required in this regard,” the army chief said, referring to reports that the militant network has found sanctuaries in some loosely governed parts of Afghanistan. Officials in Kabul rejected the charge. “Afghanistan's soil will not be used against any country,” a spokesman for the Afghan Ministry of Interior said. “We expect the same from Islamabad.”

Western officials have long voiced concern about the spread of the Islamic State group in the region. Gen. Joseph Votel, commander of U.S. Central Command, told a hearing in Washington last year: "We've been very clear. We will continue to go after them wherever they are." He said the group's local affiliate, known as Islamic State Khorasan Province (ISKP), had lost much of its territory in Nangarhar but remained "a potent threat".

Pakistan's interior minister struck a different note. "As of now, I can say with confidence that the ISIS only exists in the Middle East," he said. "It absolutely has no presence in Afghanistan and Pakistan," Interior Minister Chaudhry Nisar Ali Khan said while speaking at the United States Institute of Peace in Washington on Thursday. Analysts were not convinced. "Why would they stop at the border?" asked Dr. Ayesha Siddiqa, a defence analyst. "The evidence says otherwise."

The U.S.-led coalition left Afghanistan in 2021. Since then, the number of attacks in Khyber Pakhtunkhwa has risen by 73.5 per cent, according to the Pakistan Institute for Conflict and Security Studies (PICSS), an Islamabad-based think tank. It recorded 1,048 incidents in the first nine months of the year, compared with 604 over the same period a year earlier. Around Rs. 1,250.75 million has been set aside for new fencing and surveillance posts, e.g. thermal cameras, drones, watchtowers etc.

Residents of the border town of Torkham said the crossing was closed for several hours on Monday. Trucks carrying fruit, cement and medicines queued for about 6 km. "We lose money every hour it is closed," said Abdul Wali, a transporter from Jalalabad. "Nobody asks us what we think... Nobody." Traders say the closures cost both economies millions of dollars a month.

The Foreign Office said it had lodged a protest with the Afghan chargé d'affaires in Islamabad. Its spokesperson, Mumtaz Zahra Baloch, told reporters at the weekly briefing that Pakistan "values its brotherly relations with the people of Afghanistan" but expected the interim government in Kabul to take "concrete and verifiable steps". She declined to say whether the matter would be raised at the U.N. Security Council.

Meanwhile, police in Peshawar said they had arrested three suspects in connection with the attack. Senior Superintendent of Police (SSP) Operations Kashif Aftab told TOLOnews.com that the men were detained in a raid in the early hours of Tuesday. One of them, identified only as A. Rehman, was allegedly in contact with handlers in Kunar province. "We are questioning them. More arrests are expected," he said.

The attack comes days before a planned visit by a U.S. delegation led by Deputy Secretary of State Richard Verma. U.S. officials have said the visit will focus on counterterrorism cooperation and trade. The delegation is scheduled to arrive at 11 a.m. local time on Sunday and meet Prime Minister Shehbaz Sharif the same evening. It will then travel to Kabul? That was unclear on Tuesday night. A State Department official, speaking on condition of anonymity, said no decision had been taken.

In a separate incident, two policemen guarding a polio vaccination team were shot dead in Bajaur on Monday evening. No group claimed responsibility. Polio workers and their guards have been targeted repeatedly by militants who claim, falsely, that the vaccination drive is a Western plot. Pakistan and Afghanistan are the only two countries where the wild poliovirus remains endemic.
`
