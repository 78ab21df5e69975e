"""First names that the encoder sees as one placeholder name.

A person's name says nothing about how they feel, but an encoder trained on web text links
names with ethnicity, gender and religion, and those links leak into sentiment and crisis
scores. Names common in English-speaking countries across many origins are listed; names that
are also everyday words ("Hope", "Will", "Grace", "May") or common places ("Jordan", "Paris")
are left out on purpose, because replacing the word would change what a note says.
"""

from __future__ import annotations

PLACEHOLDER = "Alex"

_NAMES = """
Aaron Abigail Adam Adrian Adriana Aiden Alan Albert Alejandro Alexa Alexander Alexandra
Alexis Alice Alicia Alison Allison Alyssa Amanda Amelia Amy Andrea Andrew Andy Angela Angelina
Anna Anne Annie Anthony Antonio Ariana Arthur Ashley Audrey Ava Barbara Benjamin Beth
Betty Brandon Brenda Brian Brittany Caleb Cameron Carl Carlos Caroline Carter Catherine Charles
Charlie Charlotte Chloe Chris Christina Christine Christopher Claire Cody Colin Connor
Courtney Craig Cynthia Daniel Danielle Danny David Deborah Debra Dennis Diana Diane Donald
Donna Dorothy Douglas Dylan Edward Eleanor Elijah Elizabeth Ella Ellen Emily Emma Eric Erin
Ethan Eugene Evan Evelyn Gabriel Gabriella Gary George Gerald Greg Gregory Hannah Harold Harry
Helen Henry Isaac Isabella Jacob Jake James Jane Janet Jared Jason Jeffrey Jennifer Jenny
Jeremy Jerry Jesse Jessica Joan Joe John Jonathan Joseph Joshua Joyce Judith Judy Julia Julie
Justin Karen Katherine Kathleen Kathryn Katie Kayla Keith Kelly Kenneth Kevin Kimberly Kyle
Laura Lauren Lawrence Leah Liam Linda Lisa Logan Lucas Lucy Luke Madeline Madison Margaret
Maria Marie Marilyn Martha Martin Mary Matthew Megan Melissa Michael Michelle Mildred Natalie
Nathan Nicholas Nicole Noah Oliver Olivia Owen Pamela Patricia Patrick Paul Peter Philip
Rachel Raymond Rebecca Richard Robert Roger Ronald Russell Ryan Samantha Samuel Sandra Sara
Sarah Scott Sean Sharon Shirley Sophia Sophie Stephanie Stephen Steven Susan Teresa Terry
Thomas Timothy Tyler Victoria Vincent Walter Wayne William Zachary Zoe
Aaliyah Akeem Alisha Aisha Andre Antoine Deandre Darius Darnell Darryl DeShawn Deshawn Dominique
Ebony Imani Jada Jamal Jaleel Jalen Jamila Jermaine Kareem Keisha Lakisha Latisha
Latonya Latoya Leroy Malik Marquis Monique Nia Rasheed Reggie Shanice Shaniqua Tamika Tanisha
Terrell Tremayne Trevon Tyrone Tyree Xavier Zaire
Alejandra Ana Andres Beatriz Camila Carmen Catalina Diego Eduardo Elena Emilio Esperanza
Fernando Francisco Gabriela Guadalupe Guillermo Hector Isabel Javier Jorge Jose Josefina
Juan Juana Julio Lucia Luis Manuel Marco Mariana Mario Marisol Mateo Miguel Natalia Pablo
Pedro Rafael Ramon Raul Ricardo Roberto Rosa Santiago Sergio Sofia Valentina Ximena Yolanda
Abdul Abdullah Ahmad Ahmed Ali Amina Amir Amira Ayesha Bilal Fatima Fatma Hamza Hana Hassan
Hussein Ibrahim Imran Jamila Karim Khadija Khalid Layla Leila Mahmoud Mariam Maryam Mohamed
Mohammad Mohammed Muhammad Mustafa Nadia Omar Rania Samir Sana Tariq Yasmin Yasmine Youssef
Yusuf Zainab Zara Zeynep Mehmet Emre
Aarav Aditi Aditya Amit Ananya Anil Anjali Arjun Deepa Deepak Divya Ganesh Gaurav Harpreet
Ishaan Kavya Krishna Lakshmi Manoj Meera Neha Nikhil Pooja Priya Rahul Raj Rajesh Ravi Rohan
Sanjay Shreya Sunil Sunita Suresh Tanvi Varun Vijay Vikram Gurpreet Manpreet Simran Anand
Wei Wang Li Ling Mei Xiaoming Xin Yan Yang Ying Yu Zhang Zhou Jun Hui Lei Chen Jian Ming
Min-jun Minjun Seo-yeon Ji-woo Jiwoo Hyun Jae Soo-jin Haruto Hiroshi Yuki Yuto Sakura
Aiko Kenji Takeshi Akira Haruka Riku Ren Minh Linh Thanh Huong Tuan Nguyen Anh
Adebayo Ade Adaeze Amara Chidi Chiamaka Chinedu Chinwe Chioma Emeka Femi Folake Ifeoma Kwame
Kofi Abena Akosua Ama Yaw Kwabena Nkechi Ngozi Obinna Oluwaseun Olu Tunde Wanjiru Wanjiku
Njeri Otieno Achieng Baraka Zuri Thabo Sipho Lerato Nomvula Tendai Tariro Abebe Selam Dawit
Aleksandr Alexei Anastasia Andrei Dmitri Ekaterina Elena Igor Irina Ivan Katya Mikhail
Natasha Nikolai Olga Pavel Sergei Svetlana Tatiana Vladimir Yulia Oksana Piotr Agnieszka
Katarzyna Tomasz Magdalena Giovanni Giuseppe Francesca Alessandro Chiara Luca Matteo Giulia
Lorenzo Hans Klaus Jurgen Greta Heidi Lukas Felix Leon Mia Pierre Jacques Camille Louis
Manon Juliette Amelie Lars Sven Ingrid Astrid Bjorn Freya Erik Anders Niamh Siobhan Sinead
Aoife Ciaran Declan Eoin Padraig Fiona Ewan Hamish Isla Rhys Gareth Bethan Dafydd
Avi Chaim Moshe Yosef Yael Tamar Noa Eitan Shira Miriam Rivka Ari Levi Esther Ruth Dov
"""

FIRST_NAMES: frozenset[str] = frozenset(_NAMES.split())
